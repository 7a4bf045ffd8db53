using Faktum.Licensing.Tokens;
using NSec.Cryptography;

namespace Faktum.Licensing.Updates;

/// <summary>The signing input of release manifests: a domain-separation prefix, then the canonical manifest bytes.</summary>
internal static class ReleaseSigning
{
    /// <summary>The ASCII prefix <c>faktum-release-manifest-v1</c> and a NUL byte. No license token, startup response or
    /// other signed object we produce starts with these bytes, so a signature over one can never pass as another.</summary>
    public static ReadOnlySpan<byte> DomainPrefix => "faktum-release-manifest-v1\0"u8;

    /// <summary>Builds the exact bytes the release key signs.</summary>
    public static byte[] SigningInput(ReadOnlySpan<byte> manifestBytes)
    {
        var input = new byte[DomainPrefix.Length + manifestBytes.Length];
        DomainPrefix.CopyTo(input);
        manifestBytes.CopyTo(input.AsSpan(DomainPrefix.Length));
        return input;
    }
}

/// <summary>
/// Signs release manifests with the vendor's <em>release</em> key (never the license-signing key). Used by the admin CLI on
/// the machine that holds the release key; the license server only stores and serves what this produces.
/// </summary>
internal static class ReleaseSigner
{
    /// <summary>Signs a manifest.</summary>
    /// <param name="manifest">The release; it must pass <see cref="ReleaseManifestSerializer.Validate"/>.</param>
    /// <param name="releaseKey">The release key, holding its private key.</param>
    /// <returns>The signed release; its <see cref="SignedRelease.ManifestBytes"/> are the canonical form of <paramref name="manifest"/>.</returns>
    /// <exception cref="ArgumentException">The manifest is not valid.</exception>
    /// <exception cref="InvalidOperationException">The key holds no private key.</exception>
    public static SignedRelease Sign(ReleaseManifest manifest, Ed25519SecurityKey releaseKey)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(releaseKey);
        var bytes = ReleaseManifestSerializer.Serialize(manifest);
        var signature = SignatureAlgorithm.Ed25519.Sign(releaseKey.PrivateKey, ReleaseSigning.SigningInput(bytes));
        return new SignedRelease(bytes, releaseKey.KeyId, signature);
    }
}
