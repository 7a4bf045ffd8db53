namespace Faktum.Licensing.Updates;

/// <summary>
/// One release of a product, as the vendor signed it with the release key. A manifest reaches the SDK only after its
/// signature verified under a pinned release key; see <c>docs/updates.md</c> for the wire form and each member's name.
/// </summary>
/// <remarks>
/// The vendor never edits a signed manifest: raising or lowering the rollout or withdrawing the release means signing a
/// new manifest for the same <see cref="ReleaseId"/> with a higher <see cref="Sequence"/>; the highest sequence wins.
/// </remarks>
public sealed record ReleaseManifest
{
    /// <summary>Gets the release id (<c>releaseId</c>): unique per product, stable across re-signings of the same release;
    /// 1 to 128 characters of <c>A-Z a-z 0-9 . _ -</c>. It also seeds the rollout bucket.</summary>
    public required string ReleaseId { get; init; }

    /// <summary>Gets the product id (<c>product</c>), the same as a license token's audience.</summary>
    public required string ProductId { get; init; }

    /// <summary>Gets the sequence number (<c>sequence</c>): at least 1, strictly increasing over every manifest the vendor
    /// signs for this product, so a client can refuse a catalog older than one it has seen.</summary>
    public required long Sequence { get; init; }

    /// <summary>Gets the version (<c>version</c>), a strict SemVer 2.0.0 version such as <c>2.1.0</c> or <c>2.2.0-beta.1</c>.</summary>
    public required string Version { get; init; }

    /// <summary>Gets the channel (<c>channel</c>) the release is published on.</summary>
    public required ReleaseChannel Channel { get; init; }

    /// <summary>Gets the publication time (<c>publishedAt</c>, seconds since the Unix epoch on the wire). It is compared
    /// with the license's update entitlement, and a release is not offered before this time.</summary>
    public required DateTimeOffset PublishedAt { get; init; }

    /// <summary>Gets the address of the release notes (<c>notesUrl</c>): absolute https (http only for a loopback host).</summary>
    public required Uri NotesUrl { get; init; }

    /// <summary>Gets the address of the artefact (<c>downloadUrl</c>): absolute https (http only for a loopback host).</summary>
    public required Uri DownloadUrl { get; init; }

    /// <summary>Gets the SHA-256 of the artefact (<c>sha256</c>): 64 lowercase hexadecimal characters.</summary>
    public required string Sha256 { get; init; }

    /// <summary>Gets the exact size of the artefact in bytes (<c>size</c>), at least 1.</summary>
    public required long Size { get; init; }

    /// <summary>Gets a value indicating whether every installation below this version must update (<c>mandatory</c>);
    /// a mandatory release ignores the staged rollout.</summary>
    public bool Mandatory { get; init; }

    /// <summary>Gets the lowest version still supported once this release is out (<c>minimumSupportedVersion</c>), or
    /// <see langword="null"/>; when set it is not above <see cref="Version"/>.</summary>
    public string? MinimumSupportedVersion { get; init; }

    /// <summary>Gets the share of licenses, 0 to 100, offered this release (<c>rolloutPercentage</c>). The server may
    /// offer it to fewer licenses (pause, lower) but never to more.</summary>
    public int RolloutPercentage { get; init; } = 100;

    /// <summary>Gets a value indicating whether the vendor withdrew this release (<c>withdrawn</c>): it is no longer
    /// offered, and installations that run it are told so.</summary>
    public bool Withdrawn { get; init; }
}
