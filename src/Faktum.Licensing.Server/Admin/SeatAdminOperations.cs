using Faktum.Licensing.Server.Seats;
using Faktum.Licensing.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Faktum.Licensing.Server.Admin;

/// <summary>
/// The vendor's actions on seats (S8), shared by the admin API, the CLI and the console: read a license's seats and moves, set its seats,
/// grant an extra move. Each change is one <see cref="AdminOperations.ChangeLicenseAsync{T}"/> (the account's lock, as a move takes, and the license's row; its audit row); none of them is a move.
/// </summary>
internal sealed class SeatAdminOperations(LicensingDbContext db, MoveBudget budget, AdminOperations operations, TimeProvider time)
{
    /// <summary>The highest number of seats a license can have.</summary>
    public const int MaxSeats = 1000;

    public async Task<AdminSeatsDto?> DescribeAsync(string licenseId, CancellationToken cancellationToken)
    {
        var license = await db.Licenses.AsNoTracking().SingleOrDefaultAsync(l => l.Id == licenseId, cancellationToken).ConfigureAwait(false);
        if (license is null)
        {
            return null;
        }

        var active = await db.Installations.AsNoTracking().Where(i => i.LicenseId == license.Id && i.ReleasedAt == null)
            .OrderBy(i => i.BoundAt).ToListAsync(cancellationToken).ConfigureAwait(false);
        var moves = await budget.ReadAsync(license, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return new AdminSeatsDto(license.Id, Math.Max(1, license.InstallationLimit), license.ExtraMoves, moves.MovesLeft, moves.NextMoveAt,
            [.. active.Select(i => SeatRules.ToDto(i, current: false))]);
    }

    /// <summary>
    /// Sets the seats of a license. With fewer seats than installations holding one, the least recently seen are released
    /// (their next check says "moved"), so no license holds more installations than seats.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seats"/> is not 1 to <see cref="MaxSeats"/>.</exception>
    public async Task<AdminSeatsDto?> SetSeatsAsync(string licenseId, int seats, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seats, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(seats, MaxSeats);
        var now = time.GetUtcNow();
        return (await operations.ChangeLicenseAsync(licenseId, AuditActions.LicenseSeatsSet, lockAccount: true, async (license, c) =>
        {
            var before = license.InstallationLimit;
            license.InstallationLimit = seats;
            var active = await db.Installations.Where(i => i.LicenseId == licenseId && i.ReleasedAt == null).ToListAsync(c).ConfigureAwait(false);
            var released = active.OrderBy(i => i.LastSeenAt ?? i.BoundAt).Take(Math.Max(0, active.Count - seats)).ToList();
            foreach (var installation in released)
            {
                installation.ReleasedAt = now;
            }

            return new LicenseChange(Seats(before), Seats(seats), released.Count == 0 ? null : $"released {string.Join(", ", released.Select(i => i.Id))}");
        }, Describe, cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <summary>Grants the license one extra move beyond its rolling budget; it is spent by the next move the window has no room for.</summary>
    /// <remarks>Under the account's lock, as the moves themselves: the extra move and its audit row commit together.</remarks>
    public async Task<AdminSeatsDto?> GrantMoveAsync(string licenseId, CancellationToken cancellationToken) =>
        (await operations.ChangeLicenseAsync(licenseId, AuditActions.LicenseMoveGranted, lockAccount: true, (license, _) =>
        {
            var before = new Dictionary<string, object?>(StringComparer.Ordinal) { ["extraMoves"] = license.ExtraMoves };
            license.ExtraMoves++;
            return Task.FromResult(new LicenseChange(before, new Dictionary<string, object?>(StringComparer.Ordinal) { ["extraMoves"] = license.ExtraMoves }, null));
        }, Describe, cancellationToken).ConfigureAwait(false)).Value;

    private static Dictionary<string, object?> Seats(int seats) => new(StringComparer.Ordinal) { ["seats"] = seats };

    private async Task<AdminSeatsDto> Describe(License license, CancellationToken cancellationToken) =>
        (await DescribeAsync(license.Id, cancellationToken).ConfigureAwait(false))!;
}
