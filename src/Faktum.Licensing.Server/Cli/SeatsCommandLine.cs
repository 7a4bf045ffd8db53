using System.CommandLine;
using Faktum.Licensing.Server.Admin;

namespace Faktum.Licensing.Server.Cli;

/// <summary>
/// <c>admin seats &lt;license-id&gt; [--set n]</c> and <c>admin grant-move &lt;license-id&gt;</c> (S8): a license's seats and
/// moves, against a data folder or, with <c>--server</c>, a running server's admin API.
/// </summary>
internal static class SeatsCommandLine
{
    public static void AddTo(Command admin, AdminTarget target)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(target);
        var licenseId = new Argument<string>("license-id") { Description = "The license id (lic_…)." };
        var seats = new Command("seats", "Show a license's seats, installations and moves left; with --set, change its seats.") { licenseId };
        var set = new Option<int?>("--set") { Description = $"The new number of seats (1 to {SeatAdminOperations.MaxSeats}); fewer than in use releases the least recently seen." };
        seats.Options.Add(set);
        seats.SetAction((parse, ct) =>
        {
            var id = parse.GetValue(licenseId)!;
            var path = $"v1/admin/licenses/{Uri.EscapeDataString(id)}/seats";
            if (parse.GetValue(set) is not { } count)
            {
                return target.ReadAsync(parse, $"Seats of {id}", path, (services, c) => services.GetRequiredService<SeatAdminOperations>().DescribeAsync(id, c), ct);
            }

            return count is < 1 or > SeatAdminOperations.MaxSeats
                ? Task.FromResult(CliOutput.Fail(parse, CliExitCodes.Usage, "usage", $"--set: a license has 1 to {SeatAdminOperations.MaxSeats} seats."))
                : target.ActOnAsync(parse, $"Seats of {id} set to {count}", HttpMethod.Post, path, new AdminSeatsRequest(count),
                    (services, c) => services.GetRequiredService<SeatAdminOperations>().SetSeatsAsync(id, count, c), ct);
        });

        var grant = new Command("grant-move", "Grant a license one extra move beyond its rolling move budget.") { licenseId };
        grant.SetAction((parse, ct) =>
        {
            var id = parse.GetValue(licenseId)!;
            return target.ActOnAsync(parse, $"Granted {id} an extra move", HttpMethod.Post, $"v1/admin/licenses/{Uri.EscapeDataString(id)}/grant-move", null,
                (services, c) => services.GetRequiredService<SeatAdminOperations>().GrantMoveAsync(id, c), ct);
        });

        admin.Subcommands.Add(seats);
        admin.Subcommands.Add(grant);
    }
}
