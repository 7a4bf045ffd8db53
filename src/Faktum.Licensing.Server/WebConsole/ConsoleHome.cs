using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Keys;
using Faktum.Licensing.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Server.WebConsole;

/// <summary>The home page's key and release warnings (the counts are <see cref="Admin.AdminQueries.HomeAsync"/>).</summary>
internal sealed class ConsoleHome(LicensingDbContext db, TimeProvider time, SigningKeyRing keys, IOptions<FaktumServerOptions> options)
{
    /// <summary>From this age on, the home page suggests rotating the signing key (docs/operations.md).</summary>
    public static readonly TimeSpan SigningKeyRotationAge = TimeSpan.FromDays(365);

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
