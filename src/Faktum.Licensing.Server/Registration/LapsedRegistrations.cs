using Faktum.Licensing.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Faktum.Licensing.Server.Registration;

/// <summary>
/// Squatting protection: an unconfirmed registration reserves its company (and its e-mail address) for
/// <c>FaktumServer:UnconfirmedRegistrationLifetime</c> only. A registration that collides with a lapsed one releases it.
/// </summary>
internal sealed partial class LapsedRegistrations(LicensingDbContext db, ILoggerFactory loggers)
{
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

            var companies = db.Companies.Where(c => c.AccountId == accountId);
            var licenses = db.Licenses.Where(l => companies.Any(c => c.Id == l.CompanyId));
            var touched = await licenses.AnyAsync(
                l => l.Status != LicenseRecordStatus.Pending || l.Kind != StoredLicenseKind.Trial
                    || l.TrialEndsAt != null || l.LicenseEndsAt != null || l.UpdatesEndAt != null,
                cancellationToken).ConfigureAwait(false);
            if (touched)
            {
                continue; // the vendor acted on it: a release never undoes that
            }

            var identityKeys = await companies.Select(c => c.IdentityKey).ToListAsync(cancellationToken).ConfigureAwait(false);
            await db.Installations.Where(i => licenses.Any(l => l.Id == i.LicenseId)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await licenses.ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await db.HeldIdentities.Where(h => companies.Any(c => c.Id == h.CompanyId)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await companies.ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await db.OneTimePasswords.Where(o => o.AccountId == accountId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await db.OutboxMessages.Where(m => m.AccountId == accountId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await db.Accounts.Where(a => a.Id == accountId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            foreach (var key in identityKeys)
            {
                var fingerprint = LogFingerprint.Of(key);
                Log.LapsedRegistrationReleased(_logger, accountId, fingerprint);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 211, EventName = "LapsedRegistrationReleased", Level = LogLevel.Information,
            Message = "Released the lapsed unconfirmed registration of account {AccountId} (company {IdentityFingerprint}) for a new registration")]
        public static partial void LapsedRegistrationReleased(ILogger logger, string accountId, string identityFingerprint);
    }
}
