using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Http;
using Faktum.Licensing.Server.Licenses;
using Faktum.Licensing.Server.Observability;
using Faktum.Licensing.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Faktum.Licensing.Server.Seats;

/// <summary>
/// The owner's installations (S8), authorised by a license token the server issued: list them, release one (a move, taken from
/// the <see cref="MoveBudget"/>), rename one. Only the token's own license is ever read or changed: an id of another license is
/// answered as unknown, so nothing about other licenses can be learnt here.
/// </summary>
internal sealed partial class InstallationService(
    LicensingDbContext db, LicenseTokenService tokens, MoveBudget budget, TimeProvider time, ServerMetrics metrics, ILoggerFactory loggers)
{
    private readonly ILogger _logger = loggers.CreateLogger("Faktum.Licensing.Server.Seats");

    /// <summary>Checks the bearer token before anything else: a refusal is 401 whatever the request holds.</summary>
    public async Task<InstallationAuthorization> AuthorizeAsync(string authorization, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return InstallationAuthorization.Refused;
        }

        var validation = await tokens.ValidateAsync(authorization["Bearer ".Length..].Trim(), checkLifetime: true).ConfigureAwait(false);
        if (!validation.Succeeded)
        {
            Log.Refused(_logger, validation.Refusal);
            return InstallationAuthorization.Refused;
        }

        var claims = validation.Claims;
        var found = await (from l in db.Licenses.AsNoTracking()
                           where l.Id == claims.LicenseId && l.Status == LicenseRecordStatus.Active
                           from i in db.Installations.AsNoTracking().Where(i => i.LicenseId == l.Id && i.InstallationId == claims.InstallationId && i.ReleasedAt == null)
                           select new { License = l, l.Company!.AccountId, BindingId = i.Id }).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            Log.Refused(_logger, "LicenseNotActiveOrNotBound");
            return InstallationAuthorization.Refused;
        }

        return new InstallationAuthorization(found.License, found.AccountId, found.BindingId);
    }

    public async Task<InstallationListResponse> ListAsync(InstallationAuthorization authorization, CancellationToken cancellationToken)
    {
        var license = Require(authorization);
        var active = await db.Installations.AsNoTracking().Where(i => i.LicenseId == license.Id && i.ReleasedAt == null)
            .OrderBy(i => i.BoundAt).ToListAsync(cancellationToken).ConfigureAwait(false);
        var moves = await budget.ReadAsync(license, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return new InstallationListResponse(
            Math.Max(1, license.InstallationLimit), moves.MovesLeft, moves.NextMoveAt,
            [.. active.Select(i => SeatRules.ToDto(i, string.Equals(i.Id, authorization.BindingId, StringComparison.Ordinal)))]);
    }

    /// <summary>
    /// Releases one installation of the license (its next check says "moved"), in one transaction under the account's lock: a
    /// move, taken from the budget — unless it is the asking installation's own seat (S9: it removes the company), which is not.
    /// </summary>
    public async Task<InstallationChange> ReleaseAsync(InstallationAuthorization authorization, string id, CancellationToken cancellationToken)
    {
        var licenseId = Require(authorization).Id;
        ArgumentNullException.ThrowIfNull(id);
        if (!SeatRules.IsSeatId(id))
        {
            return InstallationChange.NotFound;
        }

        var now = time.GetUtcNow();
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            await db.LockAccountAsync(authorization.AccountId!, cancellationToken).ConfigureAwait(false);
            var installation = await db.Installations
                .SingleOrDefaultAsync(i => i.Id == id && i.LicenseId == licenseId && i.ReleasedAt == null, cancellationToken).ConfigureAwait(false);
            if (installation is null)
            {
                return InstallationChange.NotFound;
            }

            // An installation giving up its own seat (S9: a company removed from this computer) moves nothing: no move is taken.
            var own = string.Equals(installation.Id, authorization.BindingId, StringComparison.Ordinal);
            if (!own)
            {
                var license = await db.Licenses.SingleAsync(l => l.Id == licenseId, cancellationToken).ConfigureAwait(false);
                var allowance = await budget.TryTakeAsync(license, installation.Id, now, cancellationToken).ConfigureAwait(false);
                if (!allowance.Taken)
                {
                    return new InstallationChange(InstallationChangeStatus.MoveBudgetExhausted, allowance.NextMoveAt);
                }
            }

            installation.ReleasedAt = now;
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            if (own)
            {
                Log.OwnSeatReleased(_logger, licenseId, id);
                return InstallationChange.Done;
            }
        }

        metrics.InstallationMoved();
        Log.ReleasedByOwner(_logger, licenseId, id);
        return InstallationChange.Done;
    }

    /// <summary>Sets or removes the label of one installation of the license.</summary>
    public async Task<InstallationChange> RenameAsync(InstallationAuthorization authorization, string id, InstallationLabelRequest request, CancellationToken cancellationToken)
    {
        var licenseId = Require(authorization).Id;
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(request);
        var check = new Validation();
        var label = SeatRules.Label(check, "label", request.Label);
        if (!check.IsValid)
        {
            return new InstallationChange(InstallationChangeStatus.Invalid, Errors: check.Errors);
        }

        var changed = !SeatRules.IsSeatId(id) ? 0 : await db.Installations.Where(i => i.Id == id && i.LicenseId == licenseId && i.ReleasedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Label, label), cancellationToken).ConfigureAwait(false);
        return changed == 0 ? InstallationChange.NotFound : InstallationChange.Done;
    }

    private static License Require(InstallationAuthorization authorization)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        return authorization.Authorized ? authorization.License : throw new InvalidOperationException("Call AuthorizeAsync first; the installations need an authorized license.");
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 911, EventName = "InstallationReleasedByOwner", Level = LogLevel.Information, Message = "License {LicenseId}: the owner released installation binding {BindingId}")]
        public static partial void ReleasedByOwner(ILogger logger, string licenseId, string bindingId);

        [LoggerMessage(EventId = 913, EventName = "OwnSeatReleased", Level = LogLevel.Information, Message = "License {LicenseId}: installation binding {BindingId} gave up its own seat (not a move)")]
        public static partial void OwnSeatReleased(ILogger logger, string licenseId, string bindingId);

        [LoggerMessage(EventId = 912, EventName = "InstallationsRefused", Level = LogLevel.Information, Message = "The installations were asked with a token that was refused ({Reason})")]
        public static partial void Refused(ILogger logger, string reason);
    }
}
