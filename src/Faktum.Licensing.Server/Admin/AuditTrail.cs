using System.Text.Json;
using Faktum.Licensing.Server.Storage;

namespace Faktum.Licensing.Server.Admin;

/// <summary>
/// Adds <see cref="AuditRecord"/>s to a unit of work (never saves: the caller's <c>SaveChanges</c> commits the row with the
/// action) and takes the small before/after snapshots of license and release fields. No personal data goes in.
/// </summary>
internal sealed class AuditTrail(LicensingDbContext db, AuditActor actor, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Adds an audit row for the current <see cref="AuditActor"/>; before and after hold only the fields that differ.</summary>
    public AuditRecord Add(string action, string? companyId, string? licenseId, IReadOnlyDictionary<string, object?>? before, IReadOnlyDictionary<string, object?>? after, string? detail)
    {
        var (source, name) = actor.Require();
        Dictionary<string, object?>? changedBefore = null;
        Dictionary<string, object?>? changedAfter = null;
        if (after is not null)
        {
            changedAfter = after.Where(pair => before is null || !before.TryGetValue(pair.Key, out var old) || !Equals(old, pair.Value))
                .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
            changedBefore = before?.Where(pair => changedAfter.ContainsKey(pair.Key)).ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        }

        var record = new AuditRecord
        {
            Id = Ids.New("aud"),
            At = time.GetUtcNow(),
            Source = source,
            Actor = name,
            Action = action,
            CompanyId = companyId,
            LicenseId = licenseId,
            Before = changedBefore is null ? null : JsonSerializer.Serialize(changedBefore, Json),
            After = changedAfter is null ? null : JsonSerializer.Serialize(changedAfter, Json),
            Detail = detail is { Length: > 2000 } ? detail[..2000] : detail,
        };
        db.AuditRecords.Add(record);
        return record;
    }

    /// <summary>The license fields an audit row may show.</summary>
    public static Dictionary<string, object?> Snapshot(License license) => new(StringComparer.Ordinal)
    {
        ["kind"] = license.Kind.ToString().ToLowerInvariant(),
        ["status"] = license.Status.ToString().ToLowerInvariant(),
        ["trialEndsAt"] = license.TrialEndsAt,
        ["licenseEndsAt"] = license.LicenseEndsAt,
        ["updatesEndAt"] = license.UpdatesEndAt,
    };

    /// <summary>The release fields an audit row may show.</summary>
    public static Dictionary<string, object?> Snapshot(ReleaseRecord release) => new(StringComparer.Ordinal)
    {
        ["product"] = release.Product,
        ["sequence"] = release.Sequence,
        ["releaseId"] = release.ReleaseId,
        ["version"] = release.Version,
        ["effectiveRollout"] = release.EffectiveRollout,
    };
}
