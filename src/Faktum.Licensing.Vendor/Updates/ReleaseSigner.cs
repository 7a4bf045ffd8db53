using Faktum.Licensing.Tokens;

namespace Faktum.Licensing.Updates;

/// <summary>
/// Signs release manifests with the vendor's <em>release</em> key (never the license-signing key), on the machine that
/// holds that key. The license server only stores and serves what this produces; the SDK verifies it under the release
/// keys pinned in <c>FaktumLicensingOptions.ReleaseKeys</c>.
/// </summary>
public static class ReleaseSigner
{
    /// <summary>Signs a manifest.</summary>
    /// <param name="manifest">The release; it must be valid (ids, SemVer version, https URLs, hash, size, rollout).</param>
    /// <param name="releaseKey">The release key.</param>
    /// <returns>
    /// The signed release as the JSON the admin API takes: <c>{"manifest":…,"kid":…,"signature":…}</c>, the manifest in its
    /// canonical bytes, base64url.
    /// </returns>
    /// <exception cref="ArgumentException">The manifest is not valid.</exception>
    public static string Sign(ReleaseManifest manifest, Ed25519SigningKey releaseKey)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(releaseKey);
        var bytes = ReleaseManifestSerializer.Serialize(manifest);
        var signature = releaseKey.Sign(ReleaseSigning.SigningInput(bytes));
        return new SignedRelease(bytes, releaseKey.KeyId, signature).ToJson();
    }
}
