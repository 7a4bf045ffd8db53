using Faktum.Licensing.Server.Seats;
using Faktum.Licensing.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Faktum.Licensing.Server.Admin;

/// <summary>
/// The vendor's actions on seats (S8), shared by the admin API and the CLI: read a license's seats and moves, set its seats,
/// grant an extra move. Each is one transaction; none of them is a move.
/// </summary>
internal sealed class SeatAdminOperations(LicensingDbContext db, MoveBudget budget, AuditActor actor, TimeProvider time)
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
        var accountId = await (from l in db.Licenses where l.Id == licenseId select l.Company!.AccountId).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (accountId is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            await db.LockAccountAsync(accountId, cancellationToken).ConfigureAwait(false);
            var license = await db.Licenses.SingleAsync(l => l.Id == licenseId, cancellationToken).ConfigureAwait(false);
            var before = license.InstallationLimit;
            license.InstallationLimit = seats;
            var active = await db.Installations.Where(i => i.LicenseId == licenseId && i.ReleasedAt == null).ToListAsync(cancellationToken).ConfigureAwait(false);
            var released = active.OrderBy(i => i.LastSeenAt ?? i.BoundAt).Take(Math.Max(0, active.Count - seats)).ToList();
            foreach (var installation in released)
            {
                installation.ReleasedAt = now;
            }

            new AuditTrail(db, actor, time).Add(AuditActions.LicenseSeatsSet, license.CompanyId, license.Id, Seats(before), Seats(seats),
                released.Count == 0 ? null : $"released {string.Join(", ", released.Select(i => i.Id))}");

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return await DescribeAsync(licenseId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Grants the license one extra move beyond its rolling budget; it is spent by the next move the window has no room for.</summary>
    public async Task<AdminSeatsDto?> GrantMoveAsync(string licenseId, CancellationToken cancellationToken)
    {
        var accountId = await (from l in db.Licenses where l.Id == licenseId select l.Company!.AccountId).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (accountId is null)
        {
            return null;
        }

        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            // Under the account's lock, as the moves themselves: the extra move and its audit row commit together.
            await db.LockAccountAsync(accountId, cancellationToken).ConfigureAwait(false);
            var license = await db.Licenses.SingleAsync(l => l.Id == licenseId, cancellationToken).ConfigureAwait(false);
            var before = new Dictionary<string, object?>(StringComparer.Ordinal) { ["extraMoves"] = license.ExtraMoves };
            license.ExtraMoves++;
            new AuditTrail(db, actor, time).Add(AuditActions.LicenseMoveGranted, license.CompanyId, license.Id, before,
                new Dictionary<string, object?>(StringComparer.Ordinal) { ["extraMoves"] = license.ExtraMoves }, null);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return await DescribeAsync(licenseId, cancellationToken).ConfigureAwait(false);
    }

    private static Dictionary<string, object?> Seats(int seats) => new(StringComparer.Ordinal) { ["seats"] = seats };
}
