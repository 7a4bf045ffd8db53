using System.Collections.Frozen;
using System.Text.Json;
using Faktum.Licensing.Tokens;
using NSec.Cryptography;

namespace Faktum.Licensing.Updates;

/// <summary>
/// Verifies signed releases for one product under a pinned set of <em>release</em> keys, selected by <c>kid</c>.
/// Release keys are pinned apart from license keys: a manifest signed by a license key names a kid this verifier does not
/// hold and is refused.
/// </summary>
internal sealed class ReleaseVerifier
{
    private readonly FrozenDictionary<string, PublicKey> _keys;
    private readonly string _product;

    /// <summary>Creates a verifier.</summary>
    /// <param name="releaseKeys">The pinned release keys; each is trusted under its <c>kid</c> (RFC 7638 thumbprint).</param>
    /// <param name="product">The product whose releases are accepted.</param>
    public ReleaseVerifier(IEnumerable<Ed25519SecurityKey> releaseKeys, string product)
    {
        ArgumentNullException.ThrowIfNull(releaseKeys);
        ArgumentException.ThrowIfNullOrEmpty(product);
        var keys = new Dictionary<string, PublicKey>(StringComparer.Ordinal);
        foreach (var key in releaseKeys)
        {
            ArgumentNullException.ThrowIfNull(key, nameof(releaseKeys));
            // Through the public key's raw bytes: shared source sees only the public surface of Ed25519SecurityKey.
            keys[key.KeyId] = PublicKey.Import(SignatureAlgorithm.Ed25519, key.ExportPublicKey(), KeyBlobFormat.RawPublicKey);
        }

        _keys = keys.ToFrozenDictionary(StringComparer.Ordinal);
        _product = product;
    }

    /// <summary>Verifies the JSON wire form.</summary>
    public ReleaseVerificationResult Verify(string? json) =>
        SignedRelease.TryParse(json, out var signed)
            ? Verify(signed)
            : ReleaseVerificationResult.Fail(ReleaseVerificationFailure.Malformed, "The signed release is not {\"manifest\",\"kid\",\"signature\"} with canonical base64url.");

    /// <summary>Verifies the wire form found inside a larger JSON document.</summary>
    public ReleaseVerificationResult Verify(JsonElement element) =>
        SignedRelease.TryRead(element, out var signed)
            ? Verify(signed)
            : ReleaseVerificationResult.Fail(ReleaseVerificationFailure.Malformed, "The signed release is not {\"manifest\",\"kid\",\"signature\"} with canonical base64url.");

    /// <summary>Verifies a parsed signed release.</summary>
    public ReleaseVerificationResult Verify(SignedRelease signed)
    {
        ArgumentNullException.ThrowIfNull(signed);
        if (signed.ManifestBytes.Length > ReleaseManifestSerializer.MaxManifestBytes)
        {
            return ReleaseVerificationResult.Fail(ReleaseVerificationFailure.Malformed, "The manifest is larger than the size cap.");
        }

        if (!_keys.TryGetValue(signed.KeyId, out var key))
        {
            return ReleaseVerificationResult.Fail(ReleaseVerificationFailure.UnknownKey, $"No pinned release key has kid '{signed.KeyId}'.");
        }

        if (signed.Signature.Length != SignatureAlgorithm.Ed25519.SignatureSize
            || !SignatureAlgorithm.Ed25519.Verify(key, ReleaseSigning.SigningInput(signed.ManifestBytes.Span), signed.Signature.Span))
        {
            return ReleaseVerificationResult.Fail(ReleaseVerificationFailure.BadSignature, $"The signature does not verify under release key '{signed.KeyId}'.");
        }

        if (!ReleaseManifestSerializer.TryParse(signed.ManifestBytes.Span, out var manifest, out var error))
        {
            return ReleaseVerificationResult.Fail(ReleaseVerificationFailure.InvalidManifest, error);
        }

        return string.Equals(manifest.ProductId, _product, StringComparison.Ordinal)
            ? ReleaseVerificationResult.Success(manifest, signed)
            : ReleaseVerificationResult.Fail(ReleaseVerificationFailure.WrongProduct, $"The release is for product '{manifest.ProductId}', not '{_product}'.");
    }
}
