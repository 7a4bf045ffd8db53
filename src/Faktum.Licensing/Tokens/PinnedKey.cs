using System.Buffers.Text;
using System.Text;
using NSec.Cryptography;

namespace Faktum.Licensing.Tokens;

/// <summary>
/// A pinned Ed25519 public key as <see cref="SignedJwt"/> verifies with it: its <c>kid</c> and the imported NSec key, nothing of
/// Microsoft.IdentityModel. The SDK's own checks (the start-up check, the offline rules) run on these, so a host's start never loads
/// IdentityModel; <see cref="Ed25519SecurityKey"/> is the public face of the same key for callers and for IdentityModel.
/// </summary>
internal sealed class PinnedKey
{
    /// <summary>The length in bytes of an Ed25519 signature.</summary>
    public const int SignatureSizeInBytes = 64;

    public PinnedKey(string keyId, PublicKey publicKey)
    {
        KeyId = keyId;
        PublicKey = publicKey;
    }

    /// <summary>Gets the <c>kid</c> a token must name to be verified with this key.</summary>
    public string KeyId { get; }

    /// <summary>Gets the imported public key.</summary>
    public PublicKey PublicKey { get; }

    /// <summary>Imports a raw 32-byte public key; its <see cref="KeyId"/> is the RFC 7638 thumbprint.</summary>
    /// <returns>The key, or <see langword="null"/> when the bytes are not an Ed25519 public key.</returns>
    public static PinnedKey? TryImport(ReadOnlySpan<byte> publicKey) =>
        publicKey.Length == Ed25519SecurityKey.KeySizeInBytes
        && PublicKey.TryImport(SignatureAlgorithm.Ed25519, publicKey, KeyBlobFormat.RawPublicKey, out var imported) && imported is not null
            ? new PinnedKey(Thumbprint(publicKey), imported)
            : null;

    /// <summary>Imports the unpadded base64url <c>x</c> of an OKP JWK (validated at start, so a bad one throws).</summary>
    /// <exception cref="FormatException">The text is not canonical base64url of an Ed25519 public key.</exception>
    public static PinnedKey FromBase64Url(string publicKey) =>
        (Base64UrlStrict.Decode(publicKey) is { } bytes ? TryImport(bytes) : null)
        ?? throw new FormatException("The public key is not canonical unpadded base64url of an Ed25519 public key.");

    /// <summary>Computes the RFC 7638 thumbprint of a raw Ed25519 public key, base64url-encoded.</summary>
    public static string Thumbprint(ReadOnlySpan<byte> publicKey) =>
        Base64Url.EncodeToString(HashAlgorithm.Sha256.Hash(Encoding.UTF8.GetBytes(ThumbprintInput(publicKey))));

    /// <summary>The JSON whose SHA-256 is the thumbprint (RFC 7638: the required members in lexicographic order).</summary>
    public static string ThumbprintInput(ReadOnlySpan<byte> publicKey) =>
        "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + Base64Url.EncodeToString(publicKey) + "\"}";

    /// <summary>Verifies an Ed25519 signature (RFC 8032) over <paramref name="input"/>.</summary>
    public bool Verify(ReadOnlySpan<byte> input, ReadOnlySpan<byte> signature) =>
        signature.Length == SignatureSizeInBytes && SignatureAlgorithm.Ed25519.Verify(PublicKey, input, signature);
}
