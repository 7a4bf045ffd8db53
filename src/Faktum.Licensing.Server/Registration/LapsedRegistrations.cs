using Faktum.Licensing.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Faktum.Licensing.Server.Registration;

/// <summary>
/// Squatting protection: an unconfirmed registration reserves its company (and its e-mail address) for
/// <c>FaktumServer:UnconfirmedRegistrationLifetime</c> only. A registration that collides with a lapsed one releases it.
/// </summary>
internal sealed partial class LapsedRegistrations(LicensingDbContext db, ILoggerFactory loggers)
{
    private const int PurgeBatchSize = 100;

    private readonly ILogger _logger = loggers.CreateLogger(RegistrationService.LogCategory);

    /// <summary>
    /// Removes, inside the caller's transaction and before its inserts, every lapsed unconfirmed registration that holds
    /// <paramref name="identityKey"/> or <paramref name="email"/>: its account, company, licenses, one-time passwords and
    /// queued mails. Each account is locked first (as confirmations and recoveries do) and re-checked under the lock, so a
    /// confirmation that got there first keeps its company, and of concurrent registrations only one can take the
    /// released company — the others then meet its new row on the unique index (I1) as usual.
    /// </summary>
    /// <remarks>
    /// A registration is released only while nothing has happened to it since: the account is unconfirmed and every
    /// license is still a pending trial the vendor has not touched. A confirmed company is never released.
    /// </remarks>
    public async Task ReleaseAsync(string identityKey, string email, DateTimeOffset lapsedBy, CancellationToken cancellationToken)
    {
        var candidates = await db.Accounts.AsNoTracking()
            .Where(a => a.EmailConfirmedAt == null && a.CreatedAt <= lapsedBy
                && (a.Email == email || db.Companies.Any(c => c.AccountId == a.Id && (c.IdentityKey == identityKey || db.HeldIdentities.Any(h => h.CompanyId == c.Id && h.IdentityKey == identityKey)))))
            .OrderBy(a => a.Id) // one lock order for everyone
            .Select(a => a.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        foreach (var accountId in candidates)
        {
            await db.LockAccountAsync(accountId, cancellationToken).ConfigureAwait(false);
            var stillLapsed = await db.Accounts.AsNoTracking()
                .AnyAsync(a => a.Id == accountId && a.EmailConfirmedAt == null && a.CreatedAt <= lapsedBy, cancellationToken).ConfigureAwait(false);
            if (!stillLapsed)
            {
                continue; // confirmed, or released by another registration, since we looked
            }

            if (await TryRemoveAsync(accountId, keepAudited: false, cancellationToken).ConfigureAwait(false) is { } identityKeys)
            {
                foreach (var key in identityKeys)
                {
                    var fingerprint = LogFingerprint.Of(key);
                    Log.LapsedRegistrationReleased(_logger, accountId, fingerprint);
                }
            }
        }
    }

    /// <summary>
    /// The retention purge of stale unconfirmed registrations (<c>Retention:UnconfirmedRegistrations</c>): deletes each
    /// registration never confirmed, registered at or before <paramref name="staleBy"/>, with no one-time password issued
    /// after it and no mail still queued (a dispatcher may be sending it), in a transaction of its own under the
    /// account's lock — as <see cref="ReleaseAsync"/> does, so a confirmation that gets there first keeps its company, and
    /// two instances purging at once delete it once (the second finds nothing left under the lock). A registration the
    /// vendor acted on (a touched license, an audit record) stays.
    /// </summary>
    /// <returns>How many registrations were deleted.</returns>
    public async Task<int> PurgeStaleAsync(DateTimeOffset staleBy, CancellationToken cancellationToken)
    {
        var candidates = await Stale(staleBy).OrderBy(a => a.Id).Select(a => a.Id).Take(PurgeBatchSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var purged = 0;
        foreach (var accountId in candidates)
        {
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await db.LockAccountAsync(accountId, cancellationToken).ConfigureAwait(false);
                if (!await Stale(staleBy).AnyAsync(a => a.Id == accountId, cancellationToken).ConfigureAwait(false))
                {
                    continue; // confirmed, re-sent a password, or already purged by another instance since we looked
                }

                if (await TryRemoveAsync(accountId, keepAudited: true, cancellationToken).ConfigureAwait(false) is { } identityKeys)
                {
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    purged++;
                    foreach (var key in identityKeys)
                    {
                        var fingerprint = LogFingerprint.Of(key);
                        Log.StaleRegistrationPurged(_logger, accountId, fingerprint);
                    }
                }
            }
        }

        return purged;
    }

    private IQueryable<Account> Stale(DateTimeOffset staleBy) =>
        db.Accounts.AsNoTracking().Where(a => a.EmailConfirmedAt == null && a.CreatedAt <= staleBy
            && !db.OneTimePasswords.Any(o => o.AccountId == a.Id && o.CreatedAt > staleBy)
            && !db.OutboxMessages.Any(m => m.AccountId == a.Id && m.Status == OutboxMessageStatus.Pending));

    /// <summary>Deletes the (locked, re-checked) unconfirmed registration of <paramref name="accountId"/>; null when the vendor acted on it.</summary>
    private async Task<List<string>?> TryRemoveAsync(string accountId, bool keepAudited, CancellationToken cancellationToken)
    {
        var companies = db.Companies.Where(c => c.AccountId == accountId);
        var licenses = db.Licenses.Where(l => companies.Any(c => c.Id == l.CompanyId));
        var touched = await licenses.AnyAsync(
            l => l.Status != LicenseRecordStatus.Pending || l.Kind != StoredLicenseKind.Trial
                || l.TrialEndsAt != null || l.LicenseEndsAt != null || l.UpdatesEndAt != null,
            cancellationToken).ConfigureAwait(false);
        if (touched || (keepAudited && await db.AuditRecords.AnyAsync(r => companies.Any(c => c.Id == r.CompanyId), cancellationToken).ConfigureAwait(false)))
        {
            return null; // the vendor acted on it: a release never undoes that
        }

        var identityKeys = await companies.Select(c => c.IdentityKey).ToListAsync(cancellationToken).ConfigureAwait(false);
        await db.Installations.Where(i => licenses.Any(l => l.Id == i.LicenseId)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await licenses.ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.HeldIdentities.Where(h => companies.Any(c => c.Id == h.CompanyId)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await companies.ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.OneTimePasswords.Where(o => o.AccountId == accountId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.OutboxMessages.Where(m => m.AccountId == accountId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.Accounts.Where(a => a.Id == accountId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        return identityKeys;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 211, EventName = "LapsedRegistrationReleased", Level = LogLevel.Information,
            Message = "Released the lapsed unconfirmed registration of account {AccountId} (company {IdentityFingerprint}) for a new registration")]
        public static partial void LapsedRegistrationReleased(ILogger logger, string accountId, string identityFingerprint);

        [LoggerMessage(EventId = 214, EventName = "StaleRegistrationPurged", Level = LogLevel.Information,
            Message = "Purged the unconfirmed registration of account {AccountId} (company {IdentityFingerprint}): never confirmed within its retention")]
        public static partial void StaleRegistrationPurged(ILogger logger, string accountId, string identityFingerprint);
    }
}
