using System.CommandLine;
using Faktum.Licensing.Server.Admin;

namespace Faktum.Licensing.Server.Cli;

/// <summary>
/// <c>admin seats &lt;license-id&gt; [--set n]</c> and <c>admin grant-move &lt;license-id&gt;</c> (S8): a license's seats and
/// moves, against a data folder or, with <c>--server</c>, a running server's admin API.
/// </summary>
internal static class SeatsCommandLine
{
    public static void AddTo(Command admin, Option<string> dataDir, Option<string?> server, Option<string?> apiKey)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var licenseId = new Argument<string>("license-id") { Description = "The license id (lic_…)." };
        var seats = new Command("seats", "Show a license's seats, installations and moves left; with --set, change its seats.") { licenseId };
        var set = new Option<int?>("--set") { Description = $"The new number of seats (1 to {SeatAdminOperations.MaxSeats}); fewer than in use releases the least recently seen." };
        seats.Options.Add(set);
        seats.SetAction(async (parse, ct) =>
        {
            var id = parse.GetValue(licenseId)!;
            if (parse.GetValue(set) is { } count && count is < 1 or > SeatAdminOperations.MaxSeats)
            {
                await Console.Error.WriteLineAsync($"--set: a license has 1 to {SeatAdminOperations.MaxSeats} seats.").ConfigureAwait(false);
                return 2;
            }

            if (ServerCommandLine.ServerAddress(parse, server) is { } baseAddress)
            {
                using var client = ServerCommandLine.Client(baseAddress, parse.GetValue(apiKey));
                var path = new Uri($"v1/admin/licenses/{Uri.EscapeDataString(id)}/seats", UriKind.Relative);
                using var response = parse.GetValue(set) is { } n
                    ? await client.PostAsJsonAsync(path, new AdminSeatsRequest(n), ct).ConfigureAwait(false)
                    : await client.GetAsync(path, ct).ConfigureAwait(false);
                return await ServerCommandLine.PrintAsync(response, ct).ConfigureAwait(false);
            }

            return await DirectAsync(parse.GetValue(dataDir)!, ops => parse.GetValue(set) is { } n ? ops.SetSeatsAsync(id, n, ct) : ops.DescribeAsync(id, ct)).ConfigureAwait(false);
        });

        var grant = new Command("grant-move", "Grant a license one extra move beyond its rolling move budget.") { licenseId };
        grant.SetAction(async (parse, ct) =>
        {
            var id = parse.GetValue(licenseId)!;
            if (ServerCommandLine.ServerAddress(parse, server) is { } baseAddress)
            {
                using var client = ServerCommandLine.Client(baseAddress, parse.GetValue(apiKey));
                using var response = await client.PostAsJsonAsync(new Uri($"v1/admin/licenses/{Uri.EscapeDataString(id)}/grant-move", UriKind.Relative), new { }, ct).ConfigureAwait(false);
                return await ServerCommandLine.PrintAsync(response, ct).ConfigureAwait(false);
            }

            return await DirectAsync(parse.GetValue(dataDir)!, ops => ops.GrantMoveAsync(id, ct)).ConfigureAwait(false);
        });

        admin.Subcommands.Add(seats);
        admin.Subcommands.Add(grant);
    }

    private static async Task<int> DirectAsync(string dataDirectory, Func<SeatAdminOperations, Task<AdminSeatsDto?>> action)
    {
        var provider = ServerCommandLine.DirectServices(dataDirectory);
        await using var disposeProvider = provider.ConfigureAwait(false);
        var scope = provider.CreateAsyncScope();
        await using var disposeScope = scope.ConfigureAwait(false);
        return ServerCommandLine.Print(await action(scope.ServiceProvider.GetRequiredService<SeatAdminOperations>()).ConfigureAwait(false));
    }
}
