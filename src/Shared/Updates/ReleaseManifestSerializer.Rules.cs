using Faktum.Licensing.Protocol;

namespace Faktum.Licensing.Updates;

/// <summary>The rules a release manifest must meet (<see cref="ReleaseManifestSerializer.Validate"/>), apart from its JSON form.</summary>
internal static partial class ReleaseManifestSerializer
{
    /// <summary>Returns the first rule the manifest breaks, or <see langword="null"/> when it is valid.</summary>
    public static string? Validate(ReleaseManifest manifest)
    {
        if (!IsId(manifest.ReleaseId))
        {
            return "releaseId must be 1 to 128 characters of A-Z a-z 0-9 . _ -.";
        }

        if (!ProductIds.IsValid(manifest.ProductId))
        {
            return $"product must be a product id: {ProductIds.Rule}.";
        }

        if (manifest.Sequence < 1)
        {
            return "sequence must be at least 1.";
        }

        if (!ReleaseVersion.TryParse(manifest.Version, out var version))
        {
            return "version must be a strict SemVer 2.0.0 version.";
        }

        if (manifest.Channel is < ReleaseChannel.Stable or > ReleaseChannel.Alpha)
        {
            return "channel must be stable, beta or alpha.";
        }

        if (manifest.PublishedAt.ToUnixTimeSeconds() < 0)
        {
            return "publishedAt must not be before 1970.";
        }

        if (!IsAllowedUrl(manifest.NotesUrl))
        {
            return "notesUrl must be an absolute https URL (http only for a loopback host).";
        }

        if (!IsAllowedUrl(manifest.DownloadUrl))
        {
            return "downloadUrl must be an absolute https URL (http only for a loopback host).";
        }

        if (!IsLowerHexSha256(manifest.Sha256))
        {
            return "sha256 must be 64 lowercase hexadecimal characters.";
        }

        if (manifest.Size < 1)
        {
            return "size must be at least 1 byte.";
        }

        if (manifest.MinimumSupportedVersion is { } minimumText)
        {
            if (!ReleaseVersion.TryParse(minimumText, out var minimum))
            {
                return "minimumSupportedVersion must be null or a strict SemVer 2.0.0 version.";
            }

            if (ReleaseVersion.IsNewer(minimum, version))
            {
                return "minimumSupportedVersion must not be above version.";
            }
        }

        return manifest.RolloutPercentage is < 0 or > 100 ? "rolloutPercentage must be between 0 and 100." : null;
    }
}
