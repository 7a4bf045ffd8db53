using Faktum.Licensing.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Faktum.Licensing.Server.Registration;

/// <summary>
/// Squatting protection: an unconfirmed registration reserves its company (and its e-mail address) for
/// <c>FaktumServer:UnconfirmedRegistrationLifetime</c> only. A registration that collides with a lapsed one releases it. The
/// same holds for another company of a confirmed account (S9) whose registration was never confirmed: a lapsed pending company
/// is released (the account and its other companies stay).
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
    /// license is still a pending trial the vendor has not touched. A confirmed company is never released. A lapsed pending
    /// company of a confirmed account holding <paramref name="identityKey"/> is released alone, under its account's lock.
    /// <paramref name="accountToLock"/> (the confirmed account a registration adds a company to) is locked in the same order.
    /// </remarks>
    public async Task ReleaseAsync(string identityKey, string email, DateTimeOffset lapsedBy, string? accountToLock, CancellationToken cancellationToken)
    {
        var candidates = await db.Accounts.AsNoTracking()
            .Where(a => a.EmailConfirmedAt == null && a.CreatedAt <= lapsedBy
                && (a.Email == email || db.Companies.Any(c => c.AccountId == a.Id && (c.IdentityKey == identityKey || db.HeldIdentities.Any(h => h.CompanyId == c.Id && h.IdentityKey == identityKey)))))
            .Select(a => a.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var pendingCompanies = await LapsedPendingCompanies(db, lapsedBy)
            .Where(c => c.IdentityKey == identityKey || db.HeldIdentities.Any(h => h.CompanyId == c.Id && h.IdentityKey == identityKey))
            .Select(c => new { c.Id, c.AccountId })
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        // One lock order for everyone: account ids, ordinal.
        var locks = candidates.Concat(pendingCompanies.Select(c => c.AccountId)).Append(accountToLock).OfType<string>()
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var accountId in locks)
        {
            await db.LockAccountAsync(accountId, cancellationToken).ConfigureAwait(false);
            foreach (var company in pendingCompanies.Where(c => c.AccountId == accountId))
            {
                await ReleaseCompanyAsync(company.Id, lapsedBy, cancellationToken).ConfigureAwait(false);
            }

            if (!candidates.Contains(accountId, StringComparer.Ordinal)
                || !await db.Accounts.AsNoTracking().AnyAsync(a => a.Id == accountId && a.EmailConfirmedAt == null && a.CreatedAt <= lapsedBy, cancellationToken).ConfigureAwait(false))
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
    /// The pending companies of confirmed accounts (S9) registered at or before <paramref name="lapsedBy"/>: every license of
    /// each is still a pending trial nobody touched (never a company with an active license).
    /// </summary>
    internal static IQueryable<Company> LapsedPendingCompanies(LicensingDbContext db, DateTimeOffset lapsedBy)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Companies.AsNoTracking().Where(c => c.CreatedAt <= lapsedBy
            && db.Accounts.Any(a => a.Id == c.AccountId && a.EmailConfirmedAt != null)
            && db.Licenses.Any(l => l.CompanyId == c.Id)
            && !db.Licenses.Any(l => l.CompanyId == c.Id && (l.Status != LicenseRecordStatus.Pending || l.Kind != StoredLicenseKind.Trial
                || l.TrialEndsAt != null || l.LicenseEndsAt != null || l.UpdatesEndAt != null)));
    }

    /// <summary>Releases one lapsed pending company of a confirmed account (its account locked by the caller), re-checked first.</summary>
    private async Task ReleaseCompanyAsync(string companyId, DateTimeOffset lapsedBy, CancellationToken cancellationToken)
    {
        if (await LapsedPendingCompanies(db, lapsedBy).AnyAsync(c => c.Id == companyId, cancellationToken).ConfigureAwait(false)
            && await TryRemoveCompanyAsync(companyId, keepAudited: false, cancellationToken).ConfigureAwait(false) is { } identityKey)
        {
            var fingerprint = LogFingerprint.Of(identityKey);
            Log.LapsedCompanyReleased(_logger, companyId, fingerprint);
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
    /// <remarks>
    /// A pending company of a confirmed account (S9) that was never confirmed is purged alike, alone (the account and its other
    /// companies stay): registered at or before <paramref name="staleBy"/>, every license an untouched pending trial, no
    /// password for it issued after that and no mail of the account still queued.
    /// </remarks>
    /// <returns>How many registrations were deleted (accounts and pending companies).</returns>
    public async Task<int> PurgeStaleAsync(DateTimeOffset staleBy, CancellationToken cancellationToken)
    {
        var purged = await PurgeStaleCompaniesAsync(staleBy, cancellationToken).ConfigureAwait(false);
        var candidates = await Stale(staleBy).OrderBy(a => a.Id).Select(a => a.Id).Take(PurgeBatchSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
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

    private async Task<int> PurgeStaleCompaniesAsync(DateTimeOffset staleBy, CancellationToken cancellationToken)
    {
        var candidates = await StaleCompanies(staleBy).OrderBy(c => c.Id).Select(c => new { c.Id, c.AccountId }).Take(PurgeBatchSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var purged = 0;
        foreach (var company in candidates)
        {
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await db.LockAccountAsync(company.AccountId, cancellationToken).ConfigureAwait(false);
                if (!await StaleCompanies(staleBy).AnyAsync(c => c.Id == company.Id, cancellationToken).ConfigureAwait(false))
                {
                    continue; // confirmed, re-sent a password, or already purged by another instance since we looked
                }

                if (await TryRemoveCompanyAsync(company.Id, keepAudited: true, cancellationToken).ConfigureAwait(false) is { } identityKey)
                {
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    purged++;
                    var fingerprint = LogFingerprint.Of(identityKey);
                    Log.StaleCompanyPurged(_logger, company.Id, fingerprint);
                }
            }
        }

        return purged;
    }

    private IQueryable<Company> StaleCompanies(DateTimeOffset staleBy) =>
        LapsedPendingCompanies(db, staleBy).Where(c => !db.OneTimePasswords.Any(o => o.CompanyId == c.Id && o.CreatedAt > staleBy)
            && !db.OutboxMessages.Any(m => m.AccountId == c.AccountId && m.Status == OutboxMessageStatus.Pending));

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

    /// <summary>
    /// Deletes one (locked, re-checked) pending company of a confirmed account: its licenses, held identities and the one-time
    /// passwords its registration mailed. Returns its identity key; null when the vendor acted on it.
    /// </summary>
    private async Task<string?> TryRemoveCompanyAsync(string companyId, bool keepAudited, CancellationToken cancellationToken)
    {
        if (keepAudited && await db.AuditRecords.AnyAsync(r => r.CompanyId == companyId, cancellationToken).ConfigureAwait(false))
        {
            return null; // the vendor acted on it: a purge never undoes that
        }

        var identityKey = await db.Companies.Where(c => c.Id == companyId).Select(c => c.IdentityKey).SingleAsync(cancellationToken).ConfigureAwait(false);
        var licenses = db.Licenses.Where(l => l.CompanyId == companyId);
        await db.Installations.Where(i => licenses.Any(l => l.Id == i.LicenseId)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.Set<InstallationGeneration>().Where(g => licenses.Any(l => l.Id == g.LicenseId)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await licenses.ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.HeldIdentities.Where(h => h.CompanyId == companyId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.OneTimePasswords.Where(o => o.CompanyId == companyId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.Companies.Where(c => c.Id == companyId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        return identityKey;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 211, EventName = "LapsedRegistrationReleased", Level = LogLevel.Information,
            Message = "Released the lapsed unconfirmed registration of account {AccountId} (company {IdentityFingerprint}) for a new registration")]
        public static partial void LapsedRegistrationReleased(ILogger logger, string accountId, string identityFingerprint);

        [LoggerMessage(EventId = 216, EventName = "LapsedCompanyReleased", Level = LogLevel.Information,
            Message = "Released the lapsed pending company {CompanyId} (company {IdentityFingerprint}) of a confirmed account for a new registration")]
        public static partial void LapsedCompanyReleased(ILogger logger, string companyId, string identityFingerprint);

        [LoggerMessage(EventId = 217, EventName = "StaleCompanyPurged", Level = LogLevel.Information,
            Message = "Purged the pending company {CompanyId} (company {IdentityFingerprint}) of a confirmed account: never confirmed within its retention")]
        public static partial void StaleCompanyPurged(ILogger logger, string companyId, string identityFingerprint);

        [LoggerMessage(EventId = 214, EventName = "StaleRegistrationPurged", Level = LogLevel.Information,
            Message = "Purged the unconfirmed registration of account {AccountId} (company {IdentityFingerprint}): never confirmed within its retention")]
        public static partial void StaleRegistrationPurged(ILogger logger, string accountId, string identityFingerprint);
    }
}
