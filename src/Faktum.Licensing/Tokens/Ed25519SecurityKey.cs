using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using NSec.Cryptography;

namespace Faktum.Licensing.Tokens;

/// <summary>
/// An Ed25519 key (RFC 8032) for Microsoft.IdentityModel: always a public key, and a private key when created
/// or imported with one. Its <see cref="SecurityKey.KeyId"/> is the RFC 7638 JWK thumbprint of the public key.
/// </summary>
/// <remarks>
/// Signing and verification go through a dedicated <see cref="CryptoProviderFactory"/> that this key carries;
/// nothing process-wide is changed. The SDK only ever needs public keys; private keys are for the license server.
/// </remarks>
public sealed class Ed25519SecurityKey : AsymmetricSecurityKey, IDisposable
{
    /// <summary>The length in bytes of a raw Ed25519 public key and of a private key seed.</summary>
    public const int KeySizeInBytes = 32;

    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;

    private readonly PublicKey _publicKey;
    private readonly Key? _privateKey;
    private readonly byte[] _publicKeyBytes;

    private Ed25519SecurityKey(PublicKey publicKey, Key? privateKey)
    {
        _publicKey = publicKey;
        _privateKey = privateKey;
        _publicKeyBytes = publicKey.Export(KeyBlobFormat.RawPublicKey);
        KeyId = ComputeThumbprint(_publicKeyBytes);
        CryptoProviderFactory = Ed25519CryptoProviderFactory.Create();
    }

    /// <inheritdoc />
    [Obsolete("HasPrivateKey is obsolete in Microsoft.IdentityModel; use PrivateKeyStatus.")]
    public override bool HasPrivateKey => _privateKey is not null;

    /// <inheritdoc />
    public override PrivateKeyStatus PrivateKeyStatus => _privateKey is null ? PrivateKeyStatus.DoesNotExist : PrivateKeyStatus.Exists;

    /// <inheritdoc />
    public override int KeySize => 256;

    /// <summary>Gets a value indicating whether this key can sign.</summary>
    public bool CanSign => _privateKey is not null;

    internal PublicKey PublicKey => _publicKey;

    internal Key PrivateKey => _privateKey ?? throw new InvalidOperationException("This Ed25519 key holds no private key and cannot sign.");

    /// <summary>Generates a new random key pair.</summary>
    /// <returns>A key that can sign.</returns>
    public static Ed25519SecurityKey Generate()
    {
        var key = Key.Create(Algorithm, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        return new Ed25519SecurityKey(key.PublicKey, key);
    }

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
            ? new Ed25519SecurityKey(imported, null)
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

    /// <summary>Imports a raw 32-byte private key seed (RFC 8032 §5.1.5).</summary>
    /// <param name="seed">The 32-byte seed.</param>
    /// <returns>A key that can sign.</returns>
    /// <exception cref="FormatException">The seed is not 32 bytes long.</exception>
    public static Ed25519SecurityKey FromPrivateKeySeed(ReadOnlySpan<byte> seed)
    {
        if (seed.Length != KeySizeInBytes)
        {
            throw new FormatException($"An Ed25519 private key seed is {KeySizeInBytes} bytes long; this one is {seed.Length}.");
        }

        var key = Key.Import(Algorithm, seed, KeyBlobFormat.RawPrivateKey, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        return new Ed25519SecurityKey(key.PublicKey, key);
    }

    /// <summary>
    /// Imports a PEM key: <c>-----BEGIN PUBLIC KEY-----</c> (SubjectPublicKeyInfo, RFC 8410) or
    /// <c>-----BEGIN PRIVATE KEY-----</c> (PKCS#8, RFC 8410).
    /// </summary>
    /// <param name="pem">The PEM text.</param>
    /// <returns>The key; it can sign when the PEM held a private key.</returns>
    /// <exception cref="FormatException">The text is not an Ed25519 key in one of those forms.</exception>
    public static Ed25519SecurityKey FromPem(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        var bytes = Encoding.ASCII.GetBytes(pem.Trim());
        if (pem.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
        {
            var parameters = new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport };
            return Key.TryImport(Algorithm, bytes, KeyBlobFormat.PkixPrivateKeyText, out var key, parameters) && key is not null
                ? new Ed25519SecurityKey(key.PublicKey, key)
                : throw new FormatException("The PEM text is not an Ed25519 PKCS#8 private key.");
        }

        return PublicKey.TryImport(Algorithm, bytes, KeyBlobFormat.PkixPublicKeyText, out var publicKey) && publicKey is not null
            ? new Ed25519SecurityKey(publicKey, null)
            : throw new FormatException("The PEM text is not an Ed25519 SubjectPublicKeyInfo public key.");
    }

    /// <summary>Imports an OKP JSON Web Key (RFC 8037 §2): <c>kty</c> "OKP", <c>crv</c> "Ed25519", <c>x</c>, and optionally <c>d</c>.</summary>
    /// <param name="json">The JWK as JSON.</param>
    /// <returns>The key; it can sign when the JWK held <c>d</c>.</returns>
    /// <exception cref="FormatException">The JSON is not an Ed25519 OKP JWK, or <c>d</c> does not match <c>x</c>.</exception>
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

            var publicKey = FromPublicKey(x);
            if (GetString(root, "d") is not { } d)
            {
                return publicKey;
            }

            var seed = Base64UrlStrict.Decode(d) ?? throw new FormatException("The JWK's \"d\" is not canonical unpadded base64url.");
            var privateKey = FromPrivateKeySeed(seed);
            CryptographicOperations.ZeroMemory(seed);
            if (!CryptographicOperations.FixedTimeEquals(privateKey._publicKeyBytes, publicKey._publicKeyBytes))
            {
                privateKey.Dispose();
                throw new FormatException("The JWK's \"d\" does not belong to its \"x\".");
            }

            publicKey.Dispose();
            return privateKey;
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

    /// <summary>Exports the private key as a PKCS#8 PEM (<c>-----BEGIN PRIVATE KEY-----</c>). Treat the result as a secret.</summary>
    /// <returns>The PEM text.</returns>
    /// <exception cref="InvalidOperationException">This key holds no private key.</exception>
    public string ExportPrivateKeyPem() => Encoding.ASCII.GetString(PrivateKey.Export(KeyBlobFormat.PkixPrivateKeyText));

    /// <summary>Exports the raw 32-byte private key seed. Treat the result as a secret.</summary>
    /// <returns>A new array with the seed.</returns>
    /// <exception cref="InvalidOperationException">This key holds no private key.</exception>
    public byte[] ExportPrivateKeySeed() => PrivateKey.Export(KeyBlobFormat.RawPrivateKey);

    /// <summary>Exports the key as an OKP JSON Web Key with <c>kid</c>, <c>use</c> "sig" and <c>alg</c> "Ed25519".</summary>
    /// <param name="includePrivateKey">Whether to include <c>d</c>; never do this for a key that leaves the server.</param>
    /// <returns>The JWK as compact JSON.</returns>
    /// <exception cref="InvalidOperationException"><paramref name="includePrivateKey"/> is set and this key holds no private key.</exception>
    public string ExportJwk(bool includePrivateKey = false)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteJwk(writer, includePrivateKey);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes the key as an OKP JSON Web Key object (see <see cref="ExportJwk"/>).</summary>
    /// <param name="writer">The writer positioned where a JSON value may start.</param>
    /// <param name="includePrivateKey">Whether to include <c>d</c>.</param>
    public void WriteJwk(Utf8JsonWriter writer, bool includePrivateKey = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("kty", "OKP");
        writer.WriteString("crv", "Ed25519");
        writer.WriteString("x", ExportPublicKeyBase64Url());
        if (includePrivateKey)
        {
            var seed = ExportPrivateKeySeed();
            writer.WriteString("d", Base64Url.EncodeToString(seed));
            CryptographicOperations.ZeroMemory(seed);
        }

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

    /// <summary>Creates a verify-only copy of this key (no private key), keeping its <see cref="SecurityKey.KeyId"/>.</summary>
    /// <returns>A new key that can verify only.</returns>
    public Ed25519SecurityKey ToPublicKey()
    {
        var copy = FromPublicKey(_publicKeyBytes);
        copy.KeyId = KeyId;
        return copy;
    }

    /// <summary>Releases the native key material.</summary>
    public void Dispose()
    {
        _privateKey?.Dispose();
    }

    /// <inheritdoc />
    public override bool CanComputeJwkThumbprint() => true;

    /// <inheritdoc />
    public override byte[] ComputeJwkThumbprint() =>
        SHA256.HashData(Encoding.UTF8.GetBytes(ThumbprintInput(_publicKeyBytes)));

    /// <summary>Computes the RFC 7638 thumbprint of a raw Ed25519 public key, base64url-encoded.</summary>
    /// <param name="publicKey">The 32-byte public key.</param>
    /// <returns>The thumbprint, suitable as a <c>kid</c>.</returns>
    public static string ComputeThumbprint(ReadOnlySpan<byte> publicKey) =>
        Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(ThumbprintInput(publicKey))));

    private static string ThumbprintInput(ReadOnlySpan<byte> publicKey) =>
        "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + Base64Url.EncodeToString(publicKey) + "\"}";

    private static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
