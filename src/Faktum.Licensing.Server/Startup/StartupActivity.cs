using System.Collections.Concurrent;
using System.Globalization;
using Faktum.Licensing.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Faktum.Licensing.Server.Startup;

/// <summary>
/// What the console's home page and company page show of the start-up checks: the checks per UTC day and each
/// installation's last check (with its app version and channel). The check itself stays read-only: it counts here, in
/// memory, and <see cref="StartupActivityFlusher"/> adds the counts to the database once a minute and at shutdown
/// (additive, so several instances add up; a crash loses at most the last minute's counts).
/// </summary>
internal sealed class StartupActivity
{
    private ConcurrentDictionary<string, long> _checks = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, (DateTimeOffset At, string? Version, string? Channel)> _seen = new(StringComparer.Ordinal);

    /// <summary>Counts one answered check; <paramref name="bindingId"/> is the installation row it concerned, if any.</summary>
    public void Checked(DateTimeOffset now, string? bindingId, string? appVersion, string? channel)
    {
        _checks.AddOrUpdate(Day(now), 1, (_, count) => count + 1);
        if (bindingId is not null)
        {
            _seen[bindingId] = (now, Cut(appVersion, 64), Cut(channel, 32));
        }
    }

    /// <summary>Adds what was counted since the last flush to the database; what cannot be written is counted again next time.</summary>
    public async Task FlushAsync(LicensingDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var checks = Interlocked.Exchange(ref _checks, new ConcurrentDictionary<string, long>(StringComparer.Ordinal));
        var seen = Interlocked.Exchange(ref _seen, new ConcurrentDictionary<string, (DateTimeOffset, string?, string?)>(StringComparer.Ordinal));
        try
        {
            foreach (var (day, count) in checks)
            {
                await AddAsync(db, day, count, cancellationToken).ConfigureAwait(false);
            }

            foreach (var (id, (at, version, channel)) in seen)
            {
                await db.Installations.Where(i => i.Id == id && (i.LastSeenAt == null || i.LastSeenAt < at))
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.LastSeenAt, at).SetProperty(i => i.AppVersion, version).SetProperty(i => i.Channel, channel), cancellationToken)
                    .ConfigureAwait(false);
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

    private static string? Cut(string? value, int length) => value is { Length: > 0 } text && text.Length > length ? text[..length] : value;
}
