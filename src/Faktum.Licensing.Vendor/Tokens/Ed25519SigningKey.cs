using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using NSec.Cryptography;

namespace Faktum.Licensing.Tokens;

/// <summary>
/// An Ed25519 private key (RFC 8032) that signs license tokens, startup responses and release manifests, also through
/// Microsoft.IdentityModel. Its <see cref="SecurityKey.KeyId"/> is the RFC 7638 JWK thumbprint of its public key, and
/// <see cref="PublicKey"/> is the verification key that host apps pin.
/// </summary>
/// <remarks>
/// Signing goes through a dedicated <see cref="CryptoProviderFactory"/> that this key carries; nothing process-wide is
/// changed. Treat every export of the private key as a secret.
/// </remarks>
public sealed class Ed25519SigningKey : AsymmetricSecurityKey, IDisposable
{
    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;

    private readonly Key _key;

    private Ed25519SigningKey(Key key)
    {
        _key = key;
        PublicKey = Ed25519SecurityKey.FromPublicKey(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        KeyId = PublicKey.KeyId;
        CryptoProviderFactory = Ed25519SigningCryptoProvider.CreateFactory();
    }

    /// <summary>Gets the public half: the key a host app pins and verifies with.</summary>
    public Ed25519SecurityKey PublicKey { get; }

    /// <inheritdoc />
    /// <value>Always <see langword="true"/>.</value>
    [Obsolete("HasPrivateKey is obsolete in Microsoft.IdentityModel; use PrivateKeyStatus.")]
    public override bool HasPrivateKey => true;

    /// <inheritdoc />
    /// <value>Always <see cref="PrivateKeyStatus.Exists"/>.</value>
    public override PrivateKeyStatus PrivateKeyStatus => PrivateKeyStatus.Exists;

    /// <inheritdoc />
    public override int KeySize => 256;

    /// <summary>Generates a new random key.</summary>
    /// <returns>The key.</returns>
    public static Ed25519SigningKey Generate() => new(Key.Create(Algorithm, Exportable()));

    /// <summary>Imports a raw 32-byte private key seed (RFC 8032 §5.1.5).</summary>
    /// <param name="seed">The 32-byte seed.</param>
    /// <returns>The key.</returns>
    /// <exception cref="FormatException">The seed is not 32 bytes long.</exception>
    public static Ed25519SigningKey FromPrivateKeySeed(ReadOnlySpan<byte> seed)
    {
        if (seed.Length != Ed25519SecurityKey.KeySizeInBytes)
        {
            throw new FormatException($"An Ed25519 private key seed is {Ed25519SecurityKey.KeySizeInBytes} bytes long; this one is {seed.Length}.");
        }

        return new(Key.Import(Algorithm, seed, KeyBlobFormat.RawPrivateKey, Exportable()));
    }

    /// <summary>Imports a PKCS#8 PEM private key (<c>-----BEGIN PRIVATE KEY-----</c>, RFC 8410).</summary>
    /// <param name="pem">The PEM text.</param>
    /// <returns>The key.</returns>
    /// <exception cref="FormatException">The text is not an Ed25519 private key in that form.</exception>
    public static Ed25519SigningKey FromPem(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        var bytes = Encoding.ASCII.GetBytes(pem.Trim());
        return Key.TryImport(Algorithm, bytes, KeyBlobFormat.PkixPrivateKeyText, out var key, Exportable()) && key is not null
            ? new(key)
            : throw new FormatException("The PEM text is not an Ed25519 PKCS#8 private key.");
    }

    /// <summary>Imports a private OKP JSON Web Key (RFC 8037 §2): <c>kty</c> "OKP", <c>crv</c> "Ed25519", <c>x</c> and <c>d</c>.</summary>
    /// <param name="json">The JWK as JSON.</param>
    /// <returns>The key.</returns>
    /// <exception cref="FormatException">The JSON is not an Ed25519 OKP JWK with <c>d</c>, or <c>d</c> does not match <c>x</c>.</exception>
    public static Ed25519SigningKey FromJwk(string json)
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
                || GetString(root, "x") is not { } x
                || GetString(root, "d") is not { } d)
            {
                throw new FormatException("The JWK is not a private Ed25519 OKP key: it needs \"kty\":\"OKP\", \"crv\":\"Ed25519\", \"x\" and \"d\".");
            }

            var publicKey = Ed25519SecurityKey.FromPublicKey(x);
            var seed = Base64UrlStrict.Decode(d) ?? throw new FormatException("The JWK's \"d\" is not canonical unpadded base64url.");
            var key = FromPrivateKeySeed(seed);
            CryptographicOperations.ZeroMemory(seed);
            if (!key.PublicKey.HasSamePublicKey(publicKey))
            {
                key.Dispose();
                throw new FormatException("The JWK's \"d\" does not belong to its \"x\".");
            }

            return key;
        }
    }

    /// <summary>Exports the private key as a PKCS#8 PEM (<c>-----BEGIN PRIVATE KEY-----</c>). Treat the result as a secret.</summary>
    /// <returns>The PEM text.</returns>
    public string ExportPrivateKeyPem() => Encoding.ASCII.GetString(_key.Export(KeyBlobFormat.PkixPrivateKeyText));

    /// <summary>Exports the raw 32-byte private key seed. Treat the result as a secret.</summary>
    /// <returns>A new array with the seed.</returns>
    public byte[] ExportPrivateKeySeed() => _key.Export(KeyBlobFormat.RawPrivateKey);

    /// <summary>Exports the raw public key as unpadded base64url (the <c>x</c> a host app pins), as <see cref="PublicKey"/> does.</summary>
    /// <returns>The base64url text.</returns>
    public string ExportPublicKeyBase64Url() => PublicKey.ExportPublicKeyBase64Url();

    /// <summary>Exports the public key as a SubjectPublicKeyInfo PEM, as <see cref="PublicKey"/> does.</summary>
    /// <returns>The PEM text.</returns>
    public string ExportPublicKeyPem() => PublicKey.ExportPublicKeyPem();

    /// <summary>Exports the key as an OKP JSON Web Key with <c>kid</c>, <c>use</c> "sig" and <c>alg</c> "Ed25519".</summary>
    /// <param name="includePrivateKey">Whether to include <c>d</c>; never do this for a key that leaves the vendor.</param>
    /// <returns>The JWK as compact JSON.</returns>
    public string ExportJwk(bool includePrivateKey = false)
    {
        if (!includePrivateKey)
        {
            return PublicKey.ExportJwk();
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            var seed = ExportPrivateKeySeed();
            writer.WriteStartObject();
            writer.WriteString("kty", "OKP");
            writer.WriteString("crv", "Ed25519");
            writer.WriteString("x", ExportPublicKeyBase64Url());
            writer.WriteString("d", Base64Url.EncodeToString(seed));
            writer.WriteString("kid", KeyId);
            writer.WriteString("use", "sig");
            writer.WriteString("alg", SigningAlgorithms.Ed25519);
            writer.WriteEndObject();
            CryptographicOperations.ZeroMemory(seed);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Releases the native key material.</summary>
    public void Dispose() => _key.Dispose();

    /// <inheritdoc />
    public override bool CanComputeJwkThumbprint() => true;

    /// <inheritdoc />
    public override byte[] ComputeJwkThumbprint() => PublicKey.ComputeJwkThumbprint();

    /// <summary>Signs <paramref name="data"/>.</summary>
    internal byte[] Sign(ReadOnlySpan<byte> data) => Algorithm.Sign(_key, data);

    /// <summary>Signs <paramref name="data"/> into the first 64 bytes of <paramref name="signature"/>.</summary>
    internal void Sign(ReadOnlySpan<byte> data, Span<byte> signature) => Algorithm.Sign(_key, data, signature);

    private static KeyCreationParameters Exportable() => new() { ExportPolicy = KeyExportPolicies.AllowPlaintextExport };

    private static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
