using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Faktum.Licensing.Server.Privacy;

/// <summary>
/// The retention purge, run by the outbox dispatcher's once-a-minute housekeeping pass on every instance (idempotent
/// deletes, so instances need not agree on who runs it): one-time password records <c>Retention:OneTimePasswords</c>
/// after they expired. (Mail records and stored idempotency answers are purged by the same pass, by their own periods.)
/// The records of an account not yet confirmed stay: they tie the registration to the installation that made it (F5), and
/// go with the registration when its reservation lapses (<c>LapsedRegistrations</c>).
/// </summary>
internal static class RetentionPurge
{
    public static Task<int> PurgeAsync(LicensingDbContext db, DateTimeOffset now, RetentionOptions retention, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(retention);
        var passwordCutoff = now - retention.OneTimePasswords;
        return db.OneTimePasswords
            .Where(o => o.ExpiresAt < passwordCutoff && db.Accounts.Any(a => a.Id == o.AccountId && a.EmailConfirmedAt != null))
            .ExecuteDeleteAsync(cancellationToken);
    }
}
