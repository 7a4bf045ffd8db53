using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Server.Copies;

/// <summary>
/// Applies <see cref="GenerationRules"/> to the stored <see cref="InstallationGeneration"/> rows. Every write is conditional on
/// the <see cref="InstallationGeneration.Issued"/> it read (one UPDATE … WHERE Issued = @read): of two instances deciding on the
/// same installation at once, one writes and the other reads again and decides on the new state, so no generation is issued
/// twice and no decision is lost (PostgreSQL and SQLite alike; no read-then-write window).
/// </summary>
internal sealed partial class CopyDetection(LicensingDbContext db, IOptions<FaktumServerOptions> options, TimeProvider time, ILoggerFactory loggers)
{
    // Each failed attempt means another request changed the row, so the installation's requests as a whole always progress.
    private const int MaxAttempts = 64;

    private readonly ILogger _logger = loggers.CreateLogger("Faktum.Licensing.Server.Copies");

    /// <summary>A start-up check presents <paramref name="generation"/>: the outcome and the generation to issue (when not duplicated).</summary>
    public async Task<(GenerationOutcome Outcome, long Generation)> PresentAsync(string licenseId, string installationId, long generation, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (outcome, state) = await ChangeAsync(licenseId, installationId, current => GenerationRules.Present(current, generation, now, options.Value.CopyRetryWindow), cancellationToken).ConfigureAwait(false);
        if (outcome is GenerationOutcome.Detected)
        {
            Log.CopyDetected(_logger, licenseId, generation);
        }
        else if (outcome is GenerationOutcome.Forked or GenerationOutcome.AheadOfServer)
        {
            Log.LineForked(_logger, licenseId, generation, outcome);
        }

        return (outcome, state.Issued);
    }

    /// <summary>A confirmation bound the installation: the generation of the token it issues.</summary>
    public async Task<long> ConfirmedAsync(string licenseId, string installationId, CancellationToken cancellationToken)
    {
        var (_, state) = await ChangeAsync(licenseId, installationId, current => (GenerationOutcome.Newest, GenerationRules.Confirmed(current)), cancellationToken).ConfigureAwait(false);
        return state.Issued;
    }

    /// <summary>The vendor clears every installation of the license that was ever flagged (its copies too); returns the installation ids cleared.</summary>
    public async Task<IReadOnlyList<string>> ClearAsync(string licenseId, CancellationToken cancellationToken)
    {
        var flagged = await db.Set<InstallationGeneration>().AsNoTracking().Where(g => g.LicenseId == licenseId && g.DuplicatedThrough != null)
            .Select(g => g.InstallationId).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var installationId in flagged)
        {
            await ChangeAsync(licenseId, installationId, current => (GenerationOutcome.Newest, GenerationRules.Cleared(current)), cancellationToken).ConfigureAwait(false);
        }

        return flagged;
    }

    /// <summary>The stored states of the license's installations, for the admin views.</summary>
    public async Task<IReadOnlyDictionary<string, GenerationState>> StatesAsync(string licenseId, CancellationToken cancellationToken)
    {
        var rows = await db.Set<InstallationGeneration>().AsNoTracking().Where(g => g.LicenseId == licenseId).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(r => r.InstallationId, GenerationState.From, StringComparer.Ordinal);
    }

    private async Task<(GenerationOutcome Outcome, GenerationState State)> ChangeAsync(
        string licenseId, string installationId, Func<GenerationState, (GenerationOutcome, GenerationState)> decide, CancellationToken cancellationToken)
    {
        var rows = db.Set<InstallationGeneration>();
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var row = await rows.AsNoTracking().SingleOrDefaultAsync(g => g.LicenseId == licenseId && g.InstallationId == installationId, cancellationToken).ConfigureAwait(false);
            var current = row is null ? GenerationState.Fresh : GenerationState.From(row);
            var (outcome, next) = decide(current);
            if (next == current)
            {
                return (outcome, next);
            }

            if (row is null ? await TryInsertAsync(licenseId, installationId, next, cancellationToken).ConfigureAwait(false)
                : await TryUpdateAsync(licenseId, installationId, current.Issued, next, cancellationToken).ConfigureAwait(false))
            {
                return (outcome, next);
            }
        }

        throw new InvalidOperationException($"The copy-detection state of license {licenseId} kept changing under {MaxAttempts} attempts.");
    }

    private async Task<bool> TryUpdateAsync(string licenseId, string installationId, long read, GenerationState next, CancellationToken cancellationToken) =>
        await db.Set<InstallationGeneration>()
            .Where(g => g.LicenseId == licenseId && g.InstallationId == installationId && g.Issued == read)
            .ExecuteUpdateAsync(
                s => s.SetProperty(g => g.Issued, next.Issued).SetProperty(g => g.Presented, next.Presented).SetProperty(g => g.AnswersFrom, next.AnswersFrom)
                    .SetProperty(g => g.RetryWindowEndsAt, next.RetryWindowEndsAt).SetProperty(g => g.AbandonedAfter, next.AbandonedAfter)
                    .SetProperty(g => g.AbandonedThrough, next.AbandonedThrough).SetProperty(g => g.DuplicatedThrough, next.DuplicatedThrough)
                    .SetProperty(g => g.DuplicatedAt, next.DuplicatedAt),
                cancellationToken).ConfigureAwait(false) == 1;

    private async Task<bool> TryInsertAsync(string licenseId, string installationId, GenerationState next, CancellationToken cancellationToken)
    {
        var row = new InstallationGeneration
        {
            LicenseId = licenseId, InstallationId = installationId, Issued = next.Issued, Presented = next.Presented, AnswersFrom = next.AnswersFrom,
            RetryWindowEndsAt = next.RetryWindowEndsAt, AbandonedAfter = next.AbandonedAfter, AbandonedThrough = next.AbandonedThrough,
            DuplicatedThrough = next.DuplicatedThrough, DuplicatedAt = next.DuplicatedAt,
        };
        db.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException exception) when (StorageServiceCollectionExtensions.IsUniqueViolation(exception))
        {
            return false; // another instance made the row first: read it and decide again
        }
        finally
        {
            db.Entry(row).State = EntityState.Detached;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 320, EventName = "CopyDetected", Level = LogLevel.Warning,
            Message = "License {LicenseId}: generation {Generation} belongs to a line left behind; two copies of one installation are in use")]
        public static partial void CopyDetected(ILogger logger, string licenseId, long generation);

        [LoggerMessage(EventId = 321, EventName = "CopyLineForked", Level = LogLevel.Information,
            Message = "License {LicenseId}: an installation went on from generation {Generation} ({Outcome}); a restored backup, or the first start of a copy")]
        public static partial void LineForked(ILogger logger, string licenseId, long generation, GenerationOutcome outcome);
    }
}
