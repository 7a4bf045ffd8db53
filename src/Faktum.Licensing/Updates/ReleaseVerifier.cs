using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Faktum.Licensing.Tokens;
using NSec.Cryptography;

namespace Faktum.Licensing.Updates;

/// <summary>Why a signed release was refused: the first check that failed.</summary>
/// <remarks>Checks run in this order: wire form, key, signature, manifest, product.</remarks>
internal enum ReleaseVerificationFailure
{
    /// <summary>The release was accepted.</summary>
    None = 0,

    /// <summary>The wire form is not exactly <c>{"manifest","kid","signature"}</c> with canonical base64url, or it is too large.</summary>
    Malformed,

    /// <summary>The <c>kid</c> names no pinned <em>release</em> key (a license key is never a release key).</summary>
    UnknownKey,

    /// <summary>The signature does not verify over the domain prefix and the manifest bytes under the key the <c>kid</c> names.</summary>
    BadSignature,

    /// <summary>The signed bytes are not a canonical, complete, valid manifest (a vendor-side bug; never trusted).</summary>
    InvalidManifest,

    /// <summary>The manifest is for another product than the one this verifier serves.</summary>
    WrongProduct,
}

/// <summary>The outcome of verifying a signed release; bad input is a result, never an exception.</summary>
internal sealed class ReleaseVerificationResult
{
    private ReleaseVerificationResult(ReleaseManifest? manifest, SignedRelease? signed, ReleaseVerificationFailure failure, string? message)
    {
        Manifest = manifest;
        Signed = signed;
        Failure = failure;
        Message = message;
    }

    /// <summary>Gets a value indicating whether the release was accepted.</summary>
    [MemberNotNullWhen(true, nameof(Manifest), nameof(Signed))]
    [MemberNotNullWhen(false, nameof(Message))]
    public bool Succeeded => Failure == ReleaseVerificationFailure.None;

    /// <summary>Gets the verified manifest.</summary>
    public ReleaseManifest? Manifest { get; }

    /// <summary>Gets the signed form that verified (to store or forward as-is).</summary>
    public SignedRelease? Signed { get; }

    /// <summary>Gets why the release was refused, or <see cref="ReleaseVerificationFailure.None"/>.</summary>
    public ReleaseVerificationFailure Failure { get; }

    /// <summary>Gets a short English explanation of the failure, safe to log.</summary>
    public string? Message { get; }

    internal static ReleaseVerificationResult Success(ReleaseManifest manifest, SignedRelease signed) =>
        new(manifest, signed, ReleaseVerificationFailure.None, null);

    internal static ReleaseVerificationResult Fail(ReleaseVerificationFailure failure, string message) => new(null, null, failure, message);
}

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
            keys[key.KeyId] = key.PublicKey;
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

        return string.Equals(manifest.Product, _product, StringComparison.Ordinal)
            ? ReleaseVerificationResult.Success(manifest, signed)
            : ReleaseVerificationResult.Fail(ReleaseVerificationFailure.WrongProduct, $"The release is for product '{manifest.Product}', not '{_product}'.");
    }
}
