using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using NSec.Cryptography;

namespace Faktum.Licensing.Tokens;

/// <summary>
/// An Ed25519 public key (RFC 8032) for verification, also through Microsoft.IdentityModel. Its
/// <see cref="SecurityKey.KeyId"/> is the RFC 7638 JWK thumbprint of the public key.
/// </summary>
/// <remarks>
/// Verification goes through a dedicated <see cref="CryptoProviderFactory"/> that this key carries; nothing process-wide
/// is changed, and a host that validates with <c>JsonWebTokenHandler</c> gets EdDSA from it. This key never holds a
/// private key: generating, importing and exporting private keys, and signing, are the vendor's side
/// (<c>Ed25519SigningKey</c> in the Faktum.Licensing.Vendor package, whose <c>PublicKey</c> is one of these).
/// </remarks>
public sealed class Ed25519SecurityKey : AsymmetricSecurityKey, IDisposable
{
    /// <summary>The length in bytes of a raw Ed25519 public key and of a private key seed.</summary>
    public const int KeySizeInBytes = 32;

    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;

    private readonly PublicKey _publicKey;
    private readonly byte[] _publicKeyBytes;

    private Ed25519SecurityKey(PublicKey publicKey)
    {
        _publicKey = publicKey;
        _publicKeyBytes = publicKey.Export(KeyBlobFormat.RawPublicKey);
        KeyId = ComputeThumbprint(_publicKeyBytes);
        CryptoProviderFactory = Ed25519CryptoProviderFactory.Create();
    }

    /// <inheritdoc />
    /// <value>Always <see langword="false"/>: this is a public key.</value>
    [Obsolete("HasPrivateKey is obsolete in Microsoft.IdentityModel; use PrivateKeyStatus.")]
    public override bool HasPrivateKey => false;

    /// <inheritdoc />
    /// <value>Always <see cref="PrivateKeyStatus.DoesNotExist"/>: this is a public key.</value>
    public override PrivateKeyStatus PrivateKeyStatus => PrivateKeyStatus.DoesNotExist;

    /// <inheritdoc />
    public override int KeySize => 256;

    internal PublicKey PublicKey => _publicKey;

    /// <summary>Gets this key as <see cref="SignedJwt"/> verifies with it, under its current <see cref="SecurityKey.KeyId"/>.</summary>
    internal PinnedKey Pinned => new(KeyId, _publicKey);

    /// <summary>Imports a raw 32-byte public key.</summary>
    /// <param name="publicKey">The 32 bytes of the public key (RFC 8032).</param>
    /// <returns>A key that can verify only.</returns>
    /// <exception cref="FormatException">The key is not 32 bytes long.</exception>
    public static Ed25519SecurityKey FromPublicKey(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != KeySizeInBytes)
        {
            throw new FormatException($"An Ed25519 public key is {KeySizeInBytes} bytes long; this one is {publicKey.Length}.");
        }

        return PublicKey.TryImport(Algorithm, publicKey, KeyBlobFormat.RawPublicKey, out var imported) && imported is not null
            ? new Ed25519SecurityKey(imported)
            : throw new FormatException("The bytes are not an Ed25519 public key.");
    }

    /// <summary>Imports a raw 32-byte public key written in unpadded base64url (the <c>x</c> of an OKP JWK).</summary>
    /// <param name="publicKey">The base64url text.</param>
    /// <returns>A key that can verify only.</returns>
    /// <exception cref="FormatException">The text is not canonical base64url of 32 bytes.</exception>
    public static Ed25519SecurityKey FromPublicKey(string publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        return FromPublicKey(Base64UrlStrict.Decode(publicKey) ?? throw new FormatException("The public key is not canonical unpadded base64url."));
    }

    /// <summary>Imports a SubjectPublicKeyInfo PEM public key (<c>-----BEGIN PUBLIC KEY-----</c>, RFC 8410).</summary>
    /// <param name="pem">The PEM text.</param>
    /// <returns>A key that can verify only.</returns>
    /// <exception cref="FormatException">The text is not an Ed25519 public key in that form; a private key is refused.</exception>
    public static Ed25519SecurityKey FromPem(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        if (pem.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
        {
            throw new FormatException("The PEM text holds a private key: a verification key takes the public key only. Load private keys with Ed25519SigningKey (Faktum.Licensing.Vendor).");
        }

        var bytes = Encoding.ASCII.GetBytes(pem.Trim());
        return PublicKey.TryImport(Algorithm, bytes, KeyBlobFormat.PkixPublicKeyText, out var publicKey) && publicKey is not null
            ? new Ed25519SecurityKey(publicKey)
            : throw new FormatException("The PEM text is not an Ed25519 SubjectPublicKeyInfo public key.");
    }

    /// <summary>Imports a public OKP JSON Web Key (RFC 8037 §2): <c>kty</c> "OKP", <c>crv</c> "Ed25519" and <c>x</c>.</summary>
    /// <param name="json">The JWK as JSON.</param>
    /// <returns>A key that can verify only.</returns>
    /// <exception cref="FormatException">The JSON is not an Ed25519 OKP JWK, or it holds a private key (<c>d</c>).</exception>
    public static Ed25519SecurityKey FromJwk(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException ex)
        {
            throw new FormatException("The JWK is not valid JSON.", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || GetString(root, "kty") != "OKP"
                || GetString(root, "crv") != "Ed25519"
                || GetString(root, "x") is not { } x)
            {
                throw new FormatException("The JWK is not an Ed25519 OKP key: it needs \"kty\":\"OKP\", \"crv\":\"Ed25519\" and \"x\".");
            }

            if (root.TryGetProperty("d", out _))
            {
                throw new FormatException("The JWK holds a private key (\"d\"): a verification key takes the public JWK only. Load private keys with Ed25519SigningKey (Faktum.Licensing.Vendor).");
            }

            return FromPublicKey(x);
        }
    }

    /// <summary>Exports the raw 32-byte public key.</summary>
    /// <returns>A new array with the public key.</returns>
    public byte[] ExportPublicKey() => (byte[])_publicKeyBytes.Clone();

    /// <summary>Exports the raw public key as unpadded base64url (the <c>x</c> of an OKP JWK).</summary>
    /// <returns>The base64url text.</returns>
    public string ExportPublicKeyBase64Url() => Base64Url.EncodeToString(_publicKeyBytes);

    /// <summary>Exports the public key as a SubjectPublicKeyInfo PEM (<c>-----BEGIN PUBLIC KEY-----</c>).</summary>
    /// <returns>The PEM text.</returns>
    public string ExportPublicKeyPem() => Encoding.ASCII.GetString(_publicKey.Export(KeyBlobFormat.PkixPublicKeyText));

    /// <summary>Exports the key as a public OKP JSON Web Key with <c>kid</c>, <c>use</c> "sig" and <c>alg</c> "Ed25519".</summary>
    /// <returns>The JWK as compact JSON.</returns>
    public string ExportJwk()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteJwk(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes the key as a public OKP JSON Web Key object (see <see cref="ExportJwk"/>).</summary>
    /// <param name="writer">The writer positioned where a JSON value may start.</param>
    public void WriteJwk(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("kty", "OKP");
        writer.WriteString("crv", "Ed25519");
        writer.WriteString("x", ExportPublicKeyBase64Url());
        writer.WriteString("kid", KeyId);
        writer.WriteString("use", "sig");
        writer.WriteString("alg", SigningAlgorithms.Ed25519);
        writer.WriteEndObject();
    }

    /// <summary>Gets a value indicating whether <paramref name="other"/> holds the same public key.</summary>
    /// <param name="other">The other key.</param>
    /// <returns><see langword="true"/> when both public keys are equal.</returns>
    public bool HasSamePublicKey(Ed25519SecurityKey other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return CryptographicOperations.FixedTimeEquals(_publicKeyBytes, other._publicKeyBytes);
    }

    /// <summary>Creates a copy of this key, keeping its <see cref="SecurityKey.KeyId"/>.</summary>
    /// <returns>A new key that can verify only.</returns>
    public Ed25519SecurityKey ToPublicKey()
    {
        var copy = FromPublicKey(_publicKeyBytes);
        copy.KeyId = KeyId;
        return copy;
    }

    /// <summary>Releases nothing: a public key holds no native secret. Kept so that keys are disposed alike.</summary>
    public void Dispose()
    {
    }

    /// <inheritdoc />
    public override bool CanComputeJwkThumbprint() => true;

    /// <inheritdoc />
    public override byte[] ComputeJwkThumbprint() =>
        SHA256.HashData(Encoding.UTF8.GetBytes(ThumbprintInput(_publicKeyBytes)));

    /// <summary>Computes the RFC 7638 thumbprint of a raw Ed25519 public key, base64url-encoded.</summary>
    /// <param name="publicKey">The 32-byte public key.</param>
    /// <returns>The thumbprint, suitable as a <c>kid</c>.</returns>
    public static string ComputeThumbprint(ReadOnlySpan<byte> publicKey) => PinnedKey.Thumbprint(publicKey);

    private static string ThumbprintInput(ReadOnlySpan<byte> publicKey) => PinnedKey.ThumbprintInput(publicKey);

    private static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
