namespace Faktum.Licensing.Server.Admin;

/// <summary>A published release as the admin API lists it.</summary>
internal sealed record AdminReleaseDto(
    string ReleaseId, string Product, long Sequence, string Version, string Channel, bool Mandatory, bool Withdrawn, int SignedRollout, int? EffectiveRollout, DateTimeOffset PublishedAt)
{
    public static AdminReleaseDto From(Faktum.Licensing.Updates.ReleaseManifest manifest, int? effectiveRollout) => new(
        manifest.ReleaseId, manifest.ProductId, manifest.Sequence, manifest.Version, Faktum.Licensing.Updates.ReleaseChannels.ToWire(manifest.Channel),
        manifest.Mandatory, manifest.Withdrawn, manifest.RolloutPercentage, effectiveRollout, manifest.PublishedAt);
}
