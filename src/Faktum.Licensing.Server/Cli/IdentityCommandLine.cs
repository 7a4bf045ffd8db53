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
    public static void AddTo(Command admin, Option<string> dataDir, Option<string?> server, Option<string?> apiKey)
    {
        ArgumentNullException.ThrowIfNull(admin);
        admin.Subcommands.Add(Dispute("release-identity", "Release a squatted company identity: revoke the holder's licenses and free the identity for its owner.", handOver: false));
        admin.Subcommands.Add(Dispute("hand-over", "Hand a squatted company identity, with its licenses, to the rightful owner's e-mail address.", handOver: true));

        var mailboxes = new Command("mailboxes", "List mailboxes (local+tag@domain counted as local@domain) that hold many trial companies: a signal, not a verdict.");
        var minimum = new Option<int?>("--min") { Description = "Flag from this many trial companies (default FaktumServer:MailboxTrialCompaniesFlag)." };
        mailboxes.Options.Add(minimum);
        mailboxes.SetAction(async (parse, ct) =>
        {
            if (ServerCommandLine.ServerAddress(parse, server) is { } baseAddress)
            {
                using var client = ServerCommandLine.Client(baseAddress, parse.GetValue(apiKey));
                var query = parse.GetValue(minimum) is { } min ? $"?min={min}" : string.Empty;
                using var response = await client.GetAsync(new Uri("v1/admin/mailboxes" + query, UriKind.Relative), ct).ConfigureAwait(false);
                return await ServerCommandLine.PrintAsync(response, ct).ConfigureAwait(false);
            }

            var provider = ServerCommandLine.DirectServices(parse.GetValue(dataDir)!);
            await using var disposeProvider = provider.ConfigureAwait(false);
            var scope = provider.CreateAsyncScope();
            await using var disposeScope = scope.ConfigureAwait(false);
            var operations = scope.ServiceProvider.GetRequiredService<AdminQueries>();
            return ServerCommandLine.Print(await operations.FlaggedMailboxesAsync(Math.Max(2, parse.GetValue(minimum) ?? 3), ct).ConfigureAwait(false));
        });
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

            command.SetAction(async (parse, ct) =>
            {
                var request = new AdminIdentityRequest(parse.GetValue(companyName), parse.GetValue(postcode), parse.GetValue(country), parse.GetValue(reason), handOver ? parse.GetValue(email) : null);
                if (ServerCommandLine.ServerAddress(parse, server) is { } baseAddress)
                {
                    using var client = ServerCommandLine.Client(baseAddress, parse.GetValue(apiKey));
                    var path = new Uri(handOver ? "v1/admin/identities/hand-over" : "v1/admin/identities/release", UriKind.Relative);
                    using var response = await client.PostAsJsonAsync(path, request, ct).ConfigureAwait(false);
                    return await ServerCommandLine.PrintAsync(response, ct).ConfigureAwait(false);
                }

                var identity = new CompanyIdentityCanonicalizer().Create(request.Name, request.Postcode, request.Country);
                if (!identity.Succeeded || string.IsNullOrWhiteSpace(request.Reason))
                {
                    await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, identity.Errors.Select(x => $"{x.Field}: {x.Message}")
                        .Append(string.IsNullOrWhiteSpace(request.Reason) ? "reason: required" : string.Empty))).ConfigureAwait(false);
                    return 2;
                }

                var provider = ServerCommandLine.DirectServices(parse.GetValue(dataDir)!);
                await using var disposeProvider = provider.ConfigureAwait(false);
                var scope = provider.CreateAsyncScope();
                await using var disposeScope = scope.ConfigureAwait(false);
                var operations = scope.ServiceProvider.GetRequiredService<AdminOperations>();
                var result = handOver
                    ? await operations.HandOverIdentityAsync(identity.Key!, request.Email!, request.Reason.Trim(), ct).ConfigureAwait(false)
                    : await operations.ReleaseIdentityAsync(identity.Key!, request.Reason.Trim(), ct).ConfigureAwait(false);
                if (result.Status != AdminDisputeStatus.Done)
                {
                    await Console.Error.WriteLineAsync(result.Status.ToString()).ConfigureAwait(false);
                    return 1;
                }

                return ServerCommandLine.Print(result);
            });
            return command;
        }
    }
}
