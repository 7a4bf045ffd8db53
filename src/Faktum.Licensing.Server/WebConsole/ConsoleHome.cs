using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Keys;
using Faktum.Licensing.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Server.WebConsole;

/// <summary>The home page's counts and warnings, read in one scope.</summary>
internal sealed class ConsoleHome(LicensingDbContext db, TimeProvider time, SigningKeyRing keys, IOptions<FaktumServerOptions> options)
{
    /// <summary>From this age on, the home page suggests rotating the signing key (docs/operations.md).</summary>
    public static readonly TimeSpan SigningKeyRotationAge = TimeSpan.FromDays(365);

    public async Task<ConsoleHomeCounts> CountAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var soon = now.AddDays(7);
        var weekAgo = now.AddDays(-7);
        var active = db.Licenses.Where(l => l.Status == LicenseRecordStatus.Active);
        var trials = active.Where(l => l.Kind == StoredLicenseKind.Trial && l.TrialEndsAt != null && l.TrialEndsAt > now);
        return new ConsoleHomeCounts(
            await trials.CountAsync(cancellationToken).ConfigureAwait(false),
            await trials.CountAsync(l => l.TrialEndsAt <= soon, cancellationToken).ConfigureAwait(false),
            await active.CountAsync(l => l.Kind == StoredLicenseKind.Paid, cancellationToken).ConfigureAwait(false),
            await db.Licenses.CountAsync(l => l.Status == LicenseRecordStatus.Suspended, cancellationToken).ConfigureAwait(false),
            await db.Licenses.CountAsync(l => l.Status == LicenseRecordStatus.Revoked, cancellationToken).ConfigureAwait(false),
            null,
            await db.Installations.CountAsync(i => i.ReleasedAt != null && i.ReleasedAt > weekAgo, cancellationToken).ConfigureAwait(false),
            await db.OutboxMessages.CountAsync(m => m.Status == OutboxMessageStatus.Pending, cancellationToken).ConfigureAwait(false),
            await db.OutboxMessages.CountAsync(m => m.Status == OutboxMessageStatus.Failed, cancellationToken).ConfigureAwait(false));
    }

    public async Task<IReadOnlyList<ConsoleWarning>> WarningsAsync(CancellationToken cancellationToken)
    {
        var warnings = new List<ConsoleWarning>();
        var signing = keys.Keys[^1];
        var age = time.GetUtcNow().UtcDateTime - signing.WrittenAt;
        if (age > SigningKeyRotationAge)
        {
            warnings.Add(new ConsoleWarning("WarningKeyOld", signing.Key.KeyId, (int)age.TotalDays));
        }

        if (keys.Keys.Count == 1 && keys.VerificationOnly.Count == 0)
        {
            warnings.Add(new ConsoleWarning("WarningNoSpareKey"));
        }

        if (options.Value.Updates.ReleaseKeys.Count == 0)
        {
            warnings.Add(new ConsoleWarning("WarningNoReleaseKeys"));
        }

        var paused = await db.Releases.AsNoTracking().Where(r => r.EffectiveRollout == 0).Select(r => r.ReleaseId).Distinct()
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        warnings.AddRange(paused.Select(id => new ConsoleWarning("WarningReleasePaused", id)));
        return warnings;
    }
}
