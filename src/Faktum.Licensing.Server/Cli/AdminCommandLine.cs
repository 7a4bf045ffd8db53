using System.CommandLine;
using Faktum.Licensing.Server.Admin;
using Faktum.Licensing.Server.Companies;
using Faktum.Licensing.Server.Storage;

namespace Faktum.Licensing.Server.Cli;

/// <summary>
/// <c>admin …</c>: the vendor's actions and reads, against a running server (<c>--server</c>, <c>--api-key</c>) or the data
/// folder (<c>--data-dir</c>, safe while the server runs: docs/server.md). Every command prints through <see cref="CliOutput"/>.
/// </summary>
internal static class AdminCommandLine
{
    public static Command Create(Option<string> dataDir)
    {
        var server = new Option<string?>("--server") { Description = "A running server's base URL; without it the data folder is changed directly.", Recursive = true };
        var apiKey = new Option<string?>("--api-key") { Description = "The admin API key (with --server; or FAKTUM_ADMIN_API_KEY).", Recursive = true };
        var target = new AdminTarget(dataDir, server, apiKey);
        var admin = new Command("admin", "The vendor's actions on licenses, companies, mail and the audit log.");
        admin.Options.Add(dataDir);
        admin.Options.Add(server);
        admin.Options.Add(apiKey);

        var licenseId = new Argument<string>("license-id") { Description = "The license id (lic_…)." };
        var paid = new Command("paid", "Turn a license into a paid one.") { licenseId };
        var endsAt = new Option<DateTimeOffset?>("--ends-at") { Description = "When the paid license ends (ISO 8601); none for no end." };
        var updatesEndAt = new Option<DateTimeOffset?>("--updates-end-at") { Description = "When the entitlement to updates ends." };
        paid.Options.Add(endsAt);
        paid.Options.Add(updatesEndAt);
        paid.SetAction((parse, ct) => target.ActAsync(parse, $"Marked paid: {parse.GetValue(licenseId)}", HttpMethod.Post, LicensePath(parse, "paid"),
            new AdminPaidRequest(parse.GetValue(endsAt), parse.GetValue(updatesEndAt)),
            (ops, c) => ops.MarkPaidAsync(parse.GetValue(licenseId)!, parse.GetValue(endsAt), parse.GetValue(updatesEndAt), c), ct));
        admin.Subcommands.Add(paid);

        var extend = new Command("extend", "Extend a trial or a paid license.") { licenseId };
        var days = new Option<int>("--days") { Description = "Days to add (1 to 3650).", Required = true };
        extend.Options.Add(days);
        extend.SetAction((parse, ct) => parse.GetValue(days) is < 1 or > 3650
            ? Task.FromResult(CliOutput.Fail(parse, CliExitCodes.Usage, "usage", "--days must be 1 to 3650."))
            : target.ActAsync(parse, $"Extended: {parse.GetValue(licenseId)}", HttpMethod.Post, LicensePath(parse, "extend"), new AdminExtendRequest(parse.GetValue(days)),
                (ops, c) => ops.ExtendAsync(parse.GetValue(licenseId)!, parse.GetValue(days), c), ct));
        admin.Subcommands.Add(extend);

        foreach (var (name, description, headline) in new[]
        {
            ("suspend", "Suspend a license.", "Suspended"), ("reinstate", "Reinstate a suspended license.", "Reinstated"), ("revoke", "Revoke a license (final).", "Revoked"),
        })
        {
            var command = new Command(name, description) { licenseId };
            command.SetAction((parse, ct) => target.ActAsync(parse, $"{headline}: {parse.GetValue(licenseId)}", HttpMethod.Post, LicensePath(parse, name), null, (ops, c) => name switch
            {
                "suspend" => ops.SuspendAsync(parse.GetValue(licenseId)!, c),
                "reinstate" => ops.ReinstateAsync(parse.GetValue(licenseId)!, c),
                _ => ops.RevokeAsync(parse.GetValue(licenseId)!, c),
            }, ct));
            admin.Subcommands.Add(command);
        }

        var installationId = new Argument<string>("installation-id") { Description = "The installation id the license's installations list shows." };
        var release = new Command("release-installation", "Free an installation's seat; its next start-up check says \"moved\".") { licenseId, installationId };
        release.SetAction((parse, ct) => target.ActAsync(parse, $"Released installation {parse.GetValue(installationId)} of {parse.GetValue(licenseId)}", HttpMethod.Post,
            LicensePath(parse, $"installations/{Uri.EscapeDataString(parse.GetValue(installationId)!)}/release"), null,
            (ops, c) => ops.ReleaseInstallationAsync(parse.GetValue(licenseId)!, parse.GetValue(installationId)!, c), ct));
        admin.Subcommands.Add(release);

        var companyId = new Argument<string>("company-id") { Description = "The company id (cmp_…)." };
        var resend = new Command("resend-confirmation", "Send an unconfirmed company a new registration password (the old one stops working).") { companyId };
        resend.SetAction((parse, ct) => target.ActAsync(parse, $"Queued a new confirmation mail for {parse.GetValue(companyId)}", HttpMethod.Post,
            $"v1/admin/companies/{Uri.EscapeDataString(parse.GetValue(companyId)!)}/resend-confirmation", null, (ops, c) => ops.ResendConfirmationAsync(parse.GetValue(companyId)!, c), ct));
        admin.Subcommands.Add(resend);

        var messageId = new Argument<string>("mail-id") { Description = "The outbox mail id (out_…)." };
        var retry = new Command("retry-mail", "Send a given-up one-time-password mail again, with a new password.") { messageId };
        retry.SetAction((parse, ct) => target.ActAsync(parse, $"Retried {parse.GetValue(messageId)}", HttpMethod.Post,
            $"v1/admin/mail/{Uri.EscapeDataString(parse.GetValue(messageId)!)}/retry", null, (ops, c) => ops.RetryMailAsync(parse.GetValue(messageId)!, c), ct));
        admin.Subcommands.Add(retry);

        admin.Subcommands.Add(Lookup(target));
        AdminReadCommandLine.AddTo(admin, target);
        IdentityCommandLine.AddTo(admin, target);
        SeatsCommandLine.AddTo(admin, target);
        LicenseFeatureCommandLine.AddTo(admin, target);
        return admin;

        string LicensePath(ParseResult parse, string action) => $"v1/admin/licenses/{Uri.EscapeDataString(parse.GetValue(licenseId)!)}/{action}";
    }

    private static Command Lookup(AdminTarget target)
    {
        var lookup = new Command("lookup", "Look up a company by e-mail, or by name + postcode + country.");
        var email = new Option<string?>("--email");
        var companyName = new Option<string?>("--name");
        var postcode = new Option<string?>("--postcode");
        var country = new Option<string?>("--country") { DefaultValueFactory = _ => "NL" };
        lookup.Options.Add(email);
        lookup.Options.Add(companyName);
        lookup.Options.Add(postcode);
        lookup.Options.Add(country);
        lookup.SetAction((parse, ct) =>
        {
            var identity = parse.GetValue(email) is null ? new CompanyIdentityCanonicalizer().Create(parse.GetValue(companyName), parse.GetValue(postcode), parse.GetValue(country)) : null;
            if (identity is { Succeeded: false })
            {
                return Task.FromResult(CliOutput.Fail(parse, CliExitCodes.Usage, "usage", string.Join("; ", identity.Errors.Select(x => $"{x.Field}: {x.Message}"))));
            }

            var query = parse.GetValue(email) is { } e
                ? $"email={Uri.EscapeDataString(e)}"
                : $"name={Uri.EscapeDataString(parse.GetValue(companyName)!)}&postcode={Uri.EscapeDataString(parse.GetValue(postcode)!)}&country={Uri.EscapeDataString(parse.GetValue(country) ?? "NL")}";
            return target.ReadAsync(parse, "Company", $"v1/admin/companies?{query}", (services, c) =>
            {
                var queries = services.GetRequiredService<AdminQueries>();
                return parse.GetValue(email) is { } address ? queries.LookupByEmailAsync(address, c) : queries.LookupByIdentityAsync(identity!.Key!, c);
            }, ct);
        });
        return lookup;
    }

    /// <summary>Parses <c>--status</c> of <c>admin mail</c>.</summary>
    internal static OutboxMessageStatus? Status(string? value) =>
        value is null ? null
        : Enum.TryParse<OutboxMessageStatus>(value, ignoreCase: true, out var status) && !int.TryParse(value, out _) ? status
        : throw new CliException(CliExitCodes.Usage, "usage", "--status must be pending, sent, failed or discarded.");
}
