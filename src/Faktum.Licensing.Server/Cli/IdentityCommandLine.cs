using System.CommandLine;
using Faktum.Licensing.Server.Admin;
using Faktum.Licensing.Server.Companies;

namespace Faktum.Licensing.Server.Cli;

/// <summary>
/// <c>admin release-identity</c>, <c>admin hand-over</c> and <c>admin mailboxes</c> (F2): the dispute procedure of
/// docs/operations.md, against a data folder or, with <c>--server</c>, a running server's admin API.
/// </summary>
internal static class IdentityCommandLine
{
    public static void AddTo(Command admin, AdminTarget target)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(target);
        admin.Subcommands.Add(Dispute("release-identity", "Release a squatted company identity: revoke the holder's licenses and free the identity for its owner.", handOver: false));
        admin.Subcommands.Add(Dispute("hand-over", "Hand a squatted company identity, with its licenses, to the rightful owner's e-mail address.", handOver: true));

        var mailboxes = new Command("mailboxes", "List mailboxes (local+tag@domain counted as local@domain) that hold many trial companies: a signal, not a verdict.");
        var minimum = new Option<int?>("--min") { Description = "Flag from this many trial companies (default FaktumServer:MailboxTrialCompaniesFlag)." };
        mailboxes.Options.Add(minimum);
        mailboxes.SetAction((parse, ct) => target.ReadAsync<object>(parse, "Flagged mailboxes", "v1/admin/mailboxes" + (parse.GetValue(minimum) is { } min ? $"?min={min}" : string.Empty),
            async (services, c) => await services.GetRequiredService<AdminQueries>().FlaggedMailboxesAsync(Math.Max(2, parse.GetValue(minimum) ?? 3), c).ConfigureAwait(false), ct));
        admin.Subcommands.Add(mailboxes);

        Command Dispute(string name, string description, bool handOver)
        {
            var command = new Command(name, description);
            var companyName = new Option<string>("--name") { Description = "The company name as registered.", Required = true };
            var postcode = new Option<string>("--postcode") { Description = "The postcode it was registered with (a held earlier one works too).", Required = true };
            var country = new Option<string>("--country") { DefaultValueFactory = _ => "NL" };
            var reason = new Option<string>("--reason") { Description = "The dispute's reason or reference, kept in the audit record.", Required = true };
            var email = new Option<string>("--email") { Description = "The rightful owner's e-mail address.", Required = handOver };
            command.Options.Add(companyName);
            command.Options.Add(postcode);
            command.Options.Add(country);
            command.Options.Add(reason);
            if (handOver)
            {
                command.Options.Add(email);
            }

            command.SetAction((parse, ct) =>
            {
                var request = new AdminIdentityRequest(parse.GetValue(companyName), parse.GetValue(postcode), parse.GetValue(country), parse.GetValue(reason), handOver ? parse.GetValue(email) : null);
                var identity = new CompanyIdentityCanonicalizer().Create(request.Name, request.Postcode, request.Country);
                if (!identity.Succeeded || string.IsNullOrWhiteSpace(request.Reason))
                {
                    var errors = identity.Errors.Select(x => $"{x.Field}: {x.Message}").Concat(string.IsNullOrWhiteSpace(request.Reason) ? ["reason: required"] : []);
                    return Task.FromResult(CliOutput.Fail(parse, CliExitCodes.Usage, "usage", string.Join("; ", errors)));
                }

                return target.ActAsync(parse, handOver ? "Handed over" : "Released the identity", HttpMethod.Post,
                    handOver ? "v1/admin/identities/hand-over" : "v1/admin/identities/release", request, async (operations, c) =>
                    {
                        var result = handOver
                            ? await operations.HandOverIdentityAsync(identity.Key!, request.Email!, request.Reason.Trim(), c).ConfigureAwait(false)
                            : await operations.ReleaseIdentityAsync(identity.Key!, request.Reason.Trim(), c).ConfigureAwait(false);
                        return result.Status switch
                        {
                            AdminDisputeStatus.Done => AdminOutcome<AdminDisputeResult>.Done(result),
                            AdminDisputeStatus.NotFound => AdminOutcome<AdminDisputeResult>.NotFound("No company holds or held that identity."),
                            _ => AdminOutcome<AdminDisputeResult>.Refused(AdminRefusals.TargetHoldsCompany, "The rightful owner's address already has an account with a company."),
                        };
                    }, ct);
            });
            return command;
        }
    }
}
