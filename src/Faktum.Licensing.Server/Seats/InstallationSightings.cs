using Faktum.Licensing.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Faktum.Licensing.Server.Seats;

/// <summary>
/// Records a start-up check on the installation's seat (S8): last seen, and the app version and channel that check named —
/// fields the start-up call carries anyway (I4); nothing else is read or stored.
/// </summary>
internal static class InstallationSightings
{
    public static Task<int> RecordAsync(LicensingDbContext db, string bindingId, DateTimeOffset now, string? appVersion, string? channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Installations.Where(i => i.Id == bindingId && i.ReleasedAt == null).ExecuteUpdateAsync(
            s => s.SetProperty(i => i.LastSeenAt, now).SetProperty(i => i.AppVersion, appVersion).SetProperty(i => i.Channel, channel), cancellationToken);
    }
}
