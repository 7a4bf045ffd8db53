namespace Faktum.Licensing.Server.Configuration;

/// <summary>The section <c>FaktumServer:Updates</c>.</summary>
public sealed class UpdateOptions
{
    /// <summary>
    /// Gets the pinned release public keys: kid (RFC 7638 thumbprint) → base64url raw key. Only manifests signed by one
    /// of these are published. These are not the license-signing keys, and the server never holds their private halves.
    /// </summary>
    public IDictionary<string, string> ReleaseKeys { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Gets or sets the staged-rollout secret (base64, at least 16 bytes), the same on every instance.
    /// Absent: generated once into <c>{data}/rollout-secret</c>.
    /// </summary>
    public string? RolloutSecret { get; set; }
}
