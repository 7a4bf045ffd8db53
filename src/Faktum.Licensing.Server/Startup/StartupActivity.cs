using System.Collections.Concurrent;
using System.Globalization;
using Faktum.Licensing.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Faktum.Licensing.Server.Startup;

/// <summary>
/// What the console's home page shows of the start-up checks: the checks per UTC day. A check counts here, in memory, and
/// <see cref="StartupActivityFlusher"/> adds the counts to the database once a minute and at shutdown (additive, so several
/// instances add up; a crash loses at most the last minute's counts). An installation's last check (with its app version and
/// channel) is not kept here: the check writes it on the seat at once (<see cref="Seats.InstallationSightings"/>), so the
/// owner's list of installations shows it right after the check.
/// </summary>
internal sealed class StartupActivity
{
    private ConcurrentDictionary<string, long> _checks = new(StringComparer.Ordinal);

    /// <summary>Counts one answered check (one call, however many licenses it carried).</summary>
    public void Checked(DateTimeOffset now) => _checks.AddOrUpdate(Day(now), 1, (_, count) => count + 1);

    /// <summary>Adds what was counted since the last flush to the database; what cannot be written is counted again next time.</summary>
    public async Task FlushAsync(LicensingDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var checks = Interlocked.Exchange(ref _checks, new ConcurrentDictionary<string, long>(StringComparer.Ordinal));
        try
        {
            foreach (var (day, count) in checks)
            {
                await AddAsync(db, day, count, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception)
        {
            foreach (var (day, count) in checks)
            {
                _checks.AddOrUpdate(day, count, (_, current) => current + count);
            }

            throw;
        }
    }

    internal static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task AddAsync(LicensingDbContext db, string day, long count, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (await db.StartupCheckDays.Where(d => d.Day == day).ExecuteUpdateAsync(s => s.SetProperty(d => d.Checks, d => d.Checks + count), cancellationToken).ConfigureAwait(false) > 0)
            {
                return;
            }

            db.StartupCheckDays.Add(new StartupCheckDay { Day = day, Checks = count });
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (DbUpdateException exception) when (attempt == 0 && StorageServiceCollectionExtensions.IsUniqueViolation(exception))
            {
                db.ChangeTracker.Clear(); // another instance inserted the day first: add to its row
            }
        }
    }
}
