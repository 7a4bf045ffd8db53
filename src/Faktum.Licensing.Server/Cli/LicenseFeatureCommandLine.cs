using System.CommandLine;
using Faktum.Licensing.Server.Admin;

namespace Faktum.Licensing.Server.Cli;

/// <summary>
/// <c>admin entitlements</c> (show, <c>--set</c>, <c>--default</c>) and <c>admin copies</c> (show, <c>--clear</c>), against a data
/// folder or, with <c>--server</c>, a running server's admin API.
/// </summary>
internal static class LicenseFeatureCommandLine
{
    public static void AddTo(Command admin, AdminTarget target)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(target);
        var licenseId = new Argument<string>("license-id") { Description = "The license id (lic_…)." };

        var entitlements = new Command("entitlements", "Show or set the editions and modules a license grants (the token's entitlements).") { licenseId };
        var set = new Option<string[]>("--set") { Description = "The entitlements, repeated or comma-separated (e.g. --set export,multi-currency); --set \"\" grants none.", AllowMultipleArgumentsPerToken = true };
        var reset = new Option<bool>("--default") { Description = "Return the license to the default (a trial: FaktumServer:TrialEntitlements; paid: none)." };
        entitlements.Options.Add(set);
        entitlements.Options.Add(reset);
        entitlements.SetAction((parse, ct) =>
        {
            var id = parse.GetValue(licenseId)!;
            var path = $"v1/admin/licenses/{Uri.EscapeDataString(id)}/entitlements";
            var names = parse.GetResult(set) is null ? null
                : parse.GetValue(set)!.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            if (names is not null && parse.GetValue(reset))
            {
                return Task.FromResult(CliOutput.Fail(parse, CliExitCodes.Usage, "usage", "Give --set or --default, not both."));
            }

            if (names is not null && LicenseFeatureEndpoints.Check(names) is { IsValid: false } check)
            {
                return Task.FromResult(CliOutput.Fail(parse, CliExitCodes.Usage, "usage", string.Join("; ", check.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))));
            }

            return names is not null || parse.GetValue(reset)
                ? target.ActOnAsync(parse, $"Entitlements of {id}", HttpMethod.Post, path, new AdminEntitlementsRequest(names),
                    (services, c) => services.GetRequiredService<LicenseFeatureOperations>().SetEntitlementsAsync(id, names, c), ct)
                : target.ReadAsync(parse, $"Entitlements of {id}", path, (services, c) => services.GetRequiredService<LicenseFeatureOperations>().EntitlementsAsync(id, c), ct);
        });
        admin.Subcommands.Add(entitlements);

        var copies = new Command("copies", "Show copy detection for a license's installations, or clear a 'duplicated' flag.") { licenseId };
        var clear = new Option<bool>("--clear") { Description = "Clear it: every token of the license's installations is taken again (the user says the copy is gone)." };
        copies.Options.Add(clear);
        copies.SetAction((parse, ct) =>
        {
            var id = parse.GetValue(licenseId)!;
            var path = $"v1/admin/licenses/{Uri.EscapeDataString(id)}/copies";
            return parse.GetValue(clear)
                ? target.ActOnAsync(parse, $"Cleared the copy flags of {id}", HttpMethod.Post, path + "/clear", null,
                    (services, c) => services.GetRequiredService<LicenseFeatureOperations>().ClearCopiesAsync(id, c), ct)
                : target.ReadAsync(parse, $"Copy detection of {id}", path, (services, c) => services.GetRequiredService<LicenseFeatureOperations>().CopiesAsync(id, c), ct);
        });
        admin.Subcommands.Add(copies);
    }
}
