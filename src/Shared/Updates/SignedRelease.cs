using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Faktum.Licensing.Tokens;

namespace Faktum.Licensing.Updates;

/// <summary>
/// A release manifest as signed: the exact canonical manifest bytes, the <c>kid</c> of the release key, and the Ed25519
/// signature over <see cref="ReleaseSigning.DomainPrefix"/> followed by those bytes. Its wire form is
/// <c>{"manifest":base64url(bytes),"kid":"…","signature":base64url(sig)}</c>, stored and served as-is.
/// </summary>
/// <remarks>Holding a <see cref="SignedRelease"/> proves nothing: only <see cref="ReleaseVerifier"/> says whether to trust it.</remarks>
internal sealed class SignedRelease
{
    /// <summary>The largest wire form we accept (the manifest cap in base64url plus room for the key id and signature).</summary>
    public const int MaxWireBytes = 16 * 1024;

    private static readonly JsonDocumentOptions StrictJson = new() { AllowDuplicateProperties = false, MaxDepth = 2 };

    public SignedRelease(ReadOnlyMemory<byte> manifestBytes, string keyId, ReadOnlyMemory<byte> signature)
    {
        ManifestBytes = manifestBytes;
        KeyId = keyId;
        Signature = signature;
    }

    /// <summary>Gets the canonical manifest bytes exactly as signed.</summary>
    public ReadOnlyMemory<byte> ManifestBytes { get; }

    /// <summary>Gets the <c>kid</c> (RFC 7638 thumbprint) of the release key that signed.</summary>
    public string KeyId { get; }

    /// <summary>Gets the 64-byte Ed25519 signature.</summary>
    public ReadOnlyMemory<byte> Signature { get; }

    /// <summary>Writes the wire form as a JSON object.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("manifest", Base64Url.EncodeToString(ManifestBytes.Span));
        writer.WriteString("kid", KeyId);
        writer.WriteString("signature", Base64Url.EncodeToString(Signature.Span));
        writer.WriteEndObject();
    }

    /// <summary>Returns the wire form as compact JSON text.</summary>
    public string ToJson()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads the wire form strictly: exactly the three string members, canonical unpadded base64url, no duplicates.</summary>
    public static bool TryParse(string? json, [NotNullWhen(true)] out SignedRelease? signed)
    {
        signed = null;
        if (json is null || json.Length > MaxWireBytes)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(json, StrictJson);
            return TryRead(document.RootElement, out signed);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Reads the wire form from an element of a larger document (for example the startup response).</summary>
    public static bool TryRead(JsonElement element, [NotNullWhen(true)] out SignedRelease? signed)
    {
        signed = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        string? manifest = null, kid = null, signature = null;
        var count = 0;
        foreach (var member in element.EnumerateObject())
        {
            count++;
            if (member.Value.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            switch (member.Name)
            {
                case "manifest":
                    manifest = member.Value.GetString();
                    break;
                case "kid":
                    kid = member.Value.GetString();
                    break;
                case "signature":
                    signature = member.Value.GetString();
                    break;
                default:
                    return false;
            }
        }

        if (count != 3 || manifest is null || kid is null || signature is null
            || kid.Length is 0 or > 128
            || manifest.Length > MaxWireBytes)
        {
            return false;
        }

        var manifestBytes = Base64UrlStrict.Decode(manifest);
        var signatureBytes = Base64UrlStrict.Decode(signature);
        if (manifestBytes is not { Length: > 0 } || signatureBytes is null)
        {
            return false;
        }

        signed = new SignedRelease(manifestBytes, kid, signatureBytes);
        return true;
    }
}
