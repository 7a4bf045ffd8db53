using Faktum.Licensing.Server.Observability;
using Faktum.Licensing.Server.Registration;
using Faktum.Licensing.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Faktum.Licensing.Server.Seats;

/// <summary>
/// Gives a confirming installation a seat of its license (S4, S8). A free seat is simply taken. With the seats full, one seat
/// moves: with one seat the previous installation is released (S4 stays one step); with more the owner names the installation
/// to release (one of <c>releases</c>: seat ids are unique across licenses, so one list serves every license of a confirmation,
/// S9), and until then the answer lists the installations. A move is taken from the <see cref="MoveBudget"/>. The caller holds
/// the account's lock and saves the changes.
/// </summary>
internal sealed partial class SeatAssignment(LicensingDbContext db, MoveBudget budget, ServerMetrics metrics, ILoggerFactory loggers)
{
    private readonly ILogger _logger = loggers.CreateLogger(RegistrationService.LogCategory);

    public async Task<SeatAssignmentOutcome> AssignAsync(
        License license, string installationId, string? label, IReadOnlyCollection<string> releases, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(license);
        ArgumentNullException.ThrowIfNull(releases);
        var active = await db.Installations.Where(i => i.LicenseId == license.Id && i.ReleasedAt == null)
            .OrderBy(i => i.BoundAt).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (active.Find(i => i.InstallationId == installationId) is { } own)
        {
            own.Label = label ?? own.Label; // confirming again on a computer that holds a seat keeps it
            return SeatAssignmentOutcome.Bound;
        }

        var seats = Math.Max(1, license.InstallationLimit);
        if (active.Count >= seats)
        {
            // With one seat the previous installation is the one to release; with more, the one the owner named.
            var released = seats == 1 ? active : active.FindAll(i => releases.Contains(i.Id)).Take(1).ToList();
            if (released.Count == 0)
            {
                return SeatAssignmentOutcome.Full(seats, [.. active.Select(i => SeatRules.ToDto(i, current: false))]);
            }

            var allowance = await budget.TryTakeAsync(license, released[0].Id, now, cancellationToken).ConfigureAwait(false);
            if (!allowance.Taken)
            {
                Log.MoveRefused(_logger, license.Id, allowance.NextMoveAt);
                return SeatAssignmentOutcome.MoveRefused(allowance.NextMoveAt);
            }

            foreach (var installation in released)
            {
                installation.ReleasedAt = now;
                Log.InstallationReleased(_logger, license.Id, installation.Id);
                metrics.InstallationMoved();
            }
        }

        db.Installations.Add(new Installation { Id = Ids.New("ins"), LicenseId = license.Id, InstallationId = installationId, BoundAt = now, Label = label });
        return SeatAssignmentOutcome.Bound;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 209, EventName = "InstallationReleased", Level = LogLevel.Information, Message = "License {LicenseId} released installation binding {BindingId}")]
        public static partial void InstallationReleased(ILogger logger, string licenseId, string bindingId);

        [LoggerMessage(EventId = 910, EventName = "MoveRefused", Level = LogLevel.Information, Message = "License {LicenseId} has no move left in its window; the next is possible at {NextMoveAt}")]
        public static partial void MoveRefused(ILogger logger, string licenseId, DateTimeOffset? nextMoveAt);
    }
}
