using System.CommandLine;
using System.Net.Http.Json;
using Faktum.Licensing.Server.Admin;

namespace Faktum.Licensing.Server.Cli;

/// <summary>
/// <c>admin entitlements</c> (show, <c>--set</c>, <c>--default</c>) and <c>admin copies</c> (show, <c>--clear</c>), against a data
/// folder or, with <c>--server</c>, a running server's admin API.
/// </summary>
internal static class LicenseFeatureCommandLine
{
    public static void AddTo(Command admin, Option<string> dataDir, Option<string?> server, Option<string?> apiKey)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var licenseId = new Argument<string>("license-id") { Description = "The license id (lic_…)." };

        var entitlements = new Command("entitlements", "Show or set the editions and modules a license grants (the token's entitlements).") { licenseId };
        var set = new Option<string[]>("--set") { Description = "The entitlements, repeated or comma-separated (e.g. --set export,multi-currency); --set \"\" grants none.", AllowMultipleArgumentsPerToken = true };
        var reset = new Option<bool>("--default") { Description = "Return the license to the default (a trial: FaktumServer:TrialEntitlements; paid: none)." };
        entitlements.Options.Add(set);
        entitlements.Options.Add(reset);
        entitlements.SetAction(async (parse, ct) =>
        {
            var id = parse.GetValue(licenseId)!;
            var names = parse.GetResult(set) is null ? null
                : parse.GetValue(set)!.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            var change = names is not null || parse.GetValue(reset);
            if (names is not null && parse.GetValue(reset))
            {
                await Console.Error.WriteLineAsync("Give --set or --default, not both.").ConfigureAwait(false);
                return 2;
            }

            if (names is not null && LicenseFeatureEndpoints.Check(names) is { IsValid: false } check)
            {
                await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, check.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))).ConfigureAwait(false);
                return 2;
            }

            if (ServerCommandLine.ServerAddress(parse, server) is { } baseAddress)
            {
                using var client = ServerCommandLine.Client(baseAddress, parse.GetValue(apiKey));
                var path = new Uri($"v1/admin/licenses/{Uri.EscapeDataString(id)}/entitlements", UriKind.Relative);
                using var response = change
                    ? await client.PutAsJsonAsync(path, new AdminEntitlementsRequest(names), ct).ConfigureAwait(false)
                    : await client.GetAsync(path, ct).ConfigureAwait(false);
                return await ServerCommandLine.PrintAsync(response, ct).ConfigureAwait(false);
            }

            return await DirectAsync(parse, dataDir, operations => change
                ? operations.SetEntitlementsAsync(id, names, ct)
                : operations.EntitlementsAsync(id, ct)).ConfigureAwait(false);
        });
        admin.Subcommands.Add(entitlements);

        var copies = new Command("copies", "Show copy detection for a license's installations, or clear a 'duplicated' flag.") { licenseId };
        var clear = new Option<bool>("--clear") { Description = "Clear it: every token of the license's installations is taken again (the user says the copy is gone)." };
        copies.Options.Add(clear);
        copies.SetAction(async (parse, ct) =>
        {
            var id = parse.GetValue(licenseId)!;
            if (ServerCommandLine.ServerAddress(parse, server) is { } baseAddress)
            {
                using var client = ServerCommandLine.Client(baseAddress, parse.GetValue(apiKey));
                var path = $"v1/admin/licenses/{Uri.EscapeDataString(id)}/copies";
                using var response = parse.GetValue(clear)
                    ? await client.PostAsync(new Uri(path + "/clear", UriKind.Relative), JsonContent.Create(new { }), ct).ConfigureAwait(false)
                    : await client.GetAsync(new Uri(path, UriKind.Relative), ct).ConfigureAwait(false);
                return await ServerCommandLine.PrintAsync(response, ct).ConfigureAwait(false);
            }

            return await DirectAsync(parse, dataDir, operations => parse.GetValue(clear)
                ? operations.ClearCopiesAsync(id, ct)
                : operations.CopiesAsync(id, ct)).ConfigureAwait(false);
        });
        admin.Subcommands.Add(copies);
    }

    private static async Task<int> DirectAsync<T>(ParseResult parse, Option<string> dataDir, Func<LicenseFeatureOperations, Task<T?>> action)
        where T : class
    {
        var provider = ServerCommandLine.DirectServices(parse.GetValue(dataDir)!);
        await using var disposeProvider = provider.ConfigureAwait(false);
        var scope = provider.CreateAsyncScope();
        await using var disposeScope = scope.ConfigureAwait(false);
        return ServerCommandLine.Print(await action(scope.ServiceProvider.GetRequiredService<LicenseFeatureOperations>()).ConfigureAwait(false));
    }
}
