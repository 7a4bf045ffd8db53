using Semver;

namespace Faktum.Licensing.Updates;

/// <summary>
/// The update decision as a pure function of the installation, its license, the verified releases of the product,
/// the rollout buckets and the time. No I/O, no clock, no randomness: the server calls it per startup request.
/// </summary>
/// <remarks>
/// <list type="number">
/// <item>Per <see cref="ReleaseManifest.ReleaseId"/> only the manifest with the highest sequence counts (a re-signing with a
/// new rollout or a withdrawal replaces the earlier one).</item>
/// <item>A release is visible when its channel is seen by the installation's channel and its publication time has come.</item>
/// <item>A visible, not withdrawn release is offered when it is mandatory or the license's bucket is below its rollout
/// percentage (the smaller of the signed one and the server's effective one).</item>
/// <item>A release is entitled when the license has no update end or the release was published at or before it.</item>
/// <item>Order: installed version withdrawn; below the minimum supported version; a mandatory newer release;
/// a newer release not entitled; a newer release; up to date.</item>
/// </list>
/// </remarks>
internal static class UpdatePolicy
{
    /// <summary>Decides.</summary>
    /// <param name="query">The installation.</param>
    /// <param name="releases">The verified manifests of the product (others are ignored), every sequence of every release.</param>
    /// <param name="rolloutBucket">The license's bucket (0–99) for a release, see <see cref="RolloutBucket.Compute"/>.</param>
    /// <param name="effectiveRollout">The server's current rollout percentage for a release (to pause or lower it without
    /// re-signing); it can only narrow the signed percentage. <see langword="null"/> to use the signed one.</param>
    /// <returns>The decision.</returns>
    public static UpdateDecision Decide(
        UpdateQuery query,
        IEnumerable<ReleaseManifest> releases,
        Func<ReleaseManifest, int> rolloutBucket,
        Func<ReleaseManifest, int>? effectiveRollout = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(releases);
        ArgumentNullException.ThrowIfNull(rolloutBucket);

        var installed = query.InstalledVersion;
        var current = new List<(ReleaseManifest Manifest, SemVersion Version)>();
        foreach (var group in releases.Where(r => string.Equals(r.ProductId, query.ProductId, StringComparison.Ordinal)).GroupBy(r => r.ReleaseId, StringComparer.Ordinal))
        {
            var latest = group.MaxBy(r => r.Sequence)!;
            if (ReleaseVersion.TryParse(latest.Version, out var version))
            {
                current.Add((latest, version));
            }
        }

        var visible = current.Where(r => ReleaseChannels.Sees(query.Channel, r.Manifest.Channel) && r.Manifest.PublishedAt <= query.Now).ToList();
        var head = visible.Count == 0 ? null : visible.MaxBy(r => r.Manifest.Sequence).Manifest;

        bool Entitled(ReleaseManifest r) => query.UpdatesEndAt is not { } end || r.PublishedAt <= end;

        bool Offered(ReleaseManifest r)
        {
            if (r.Mandatory)
            {
                return true;
            }

            var percentage = Math.Min(r.RolloutPercentage, effectiveRollout?.Invoke(r) ?? 100);
            return RolloutBucket.IsIncluded(rolloutBucket(r), percentage);
        }

        var available = visible.Where(r => !r.Manifest.Withdrawn).ToList();
        var offered = available.Where(r => Offered(r.Manifest)).ToList();
        var newer = offered.Where(r => ReleaseVersion.IsNewer(r.Version, installed)).ToList();
        var newest = Newest(newer);
        var newestEntitled = Newest(newer.Where(r => Entitled(r.Manifest)));

        UpdateDecision Decision(UpdateDecisionKind kind, ReleaseManifest? release, UpdateRequiredReason reason = UpdateRequiredReason.None) =>
            new() { Kind = kind, Release = release, NewestRelease = newest, RequiredReason = reason, CatalogHead = head };

        // 1. The installed version was withdrawn (whatever its channel): move to the best entitled release that is not it.
        if (current.Any(r => r.Manifest.Withdrawn && ReleaseVersion.Compare(r.Version, installed) == 0))
        {
            var others = available.Where(r => Entitled(r.Manifest) && ReleaseVersion.Compare(r.Version, installed) != 0).ToList();
            var replacement = Newest(others.Where(r => Offered(r.Manifest))) ?? Newest(others);
            return Decision(UpdateDecisionKind.InstalledVersionWithdrawn, replacement);
        }

        // 2. Below the minimum supported version of a release this license is offered.
        var minimum = offered
            .Select(r => r.Manifest.MinimumSupportedVersion is { } text && ReleaseVersion.TryParse(text, out var v) ? v : null)
            .OfType<SemVersion>()
            .Max(ReleaseVersion.Precedence);
        if (minimum is not null && ReleaseVersion.IsNewer(minimum, installed))
        {
            var target = Newest(newer.Where(r => Entitled(r.Manifest) && !ReleaseVersion.IsNewer(minimum, r.Version)));
            return target is not null
                ? Decision(UpdateDecisionKind.UpdateRequired, target, UpdateRequiredReason.BelowMinimumSupportedVersion)
                : Decision(UpdateDecisionKind.UpdateNotEntitled, newestEntitled, UpdateRequiredReason.BelowMinimumSupportedVersion);
        }

        // 3. A mandatory newer release the license is entitled to: install the newest entitled one.
        if (newer.Any(r => r.Manifest.Mandatory && Entitled(r.Manifest)))
        {
            return Decision(UpdateDecisionKind.UpdateRequired, newestEntitled, UpdateRequiredReason.Mandatory);
        }

        // 4. The newest offered release came out after the update entitlement ended.
        if (newest is not null && !Entitled(newest))
        {
            var reason = newer.Any(r => r.Manifest.Mandatory) ? UpdateRequiredReason.Mandatory : UpdateRequiredReason.None;
            return Decision(UpdateDecisionKind.UpdateNotEntitled, newestEntitled, reason);
        }

        // 5. A newer release; 6. nothing newer.
        return newestEntitled is not null
            ? Decision(UpdateDecisionKind.UpdateAvailable, newestEntitled)
            : Decision(UpdateDecisionKind.UpToDate, null);
    }

    private static ReleaseManifest? Newest(IEnumerable<(ReleaseManifest Manifest, SemVersion Version)> releases)
    {
        (ReleaseManifest Manifest, SemVersion Version)? best = null;
        foreach (var release in releases)
        {
            // Highest precedence wins; between equal precedence (build metadata only), the later signing wins.
            if (best is not { } b
                || ReleaseVersion.Compare(release.Version, b.Version) > 0
                || (ReleaseVersion.Compare(release.Version, b.Version) == 0 && release.Manifest.Sequence > b.Manifest.Sequence))
            {
                best = release;
            }
        }

        return best?.Manifest;
    }
}
