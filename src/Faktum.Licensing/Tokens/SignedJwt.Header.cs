using System.Text;
using System.Text.Json;

namespace Faktum.Licensing.Tokens;

/// <summary>The JOSE header checks of <see cref="SignedJwt"/>: the allow-listed members, the pinned key by <c>kid</c>, the algorithm.</summary>
internal sealed partial class SignedJwt
{
    /// <summary>
    /// Checks a header that has passed <see cref="StrictJson.CheckObject"/>, so reading it cannot throw. The usual header —
    /// only <c>alg</c>, <c>typ</c> and <c>kid</c>, each a string — is read here without allocating. Any other header is refused
    /// in the end, and is classified by <see cref="CheckHeaderFully"/>, so that a duplicate member at any depth is still
    /// <see cref="LicenseTokenFailure.Malformed"/> before anything else.
    /// </summary>
    internal (LicenseTokenFailure Failure, string? Message, PinnedKey? Key, string? Algorithm) CheckHeader(ReadOnlyMemory<byte> header) =>
        CheckHeader(header, stackalloc char[ScratchChars]);

    // Apart from the stackalloc above: a method with a loop and a stackalloc cannot start in the JIT's quick tier (no on-stack
    // replacement), so it was compiled fully optimised at every cold start (issue 15).
    private (LicenseTokenFailure Failure, string? Message, PinnedKey? Key, string? Algorithm) CheckHeader(ReadOnlyMemory<byte> header, Span<char> scratch)
    {
        var reader = new Utf8JsonReader(header.Span, StrictJson.ReaderOptions);
        reader.Read(); // the start of the object
        string? algorithm = null;
        PinnedKey? key = null;
        bool hasAlg = false, hasTyp = false, hasKid = false, typeMatches = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isAlg = reader.ValueTextEquals("alg"u8);
            var isTyp = !isAlg && reader.ValueTextEquals("typ"u8);
            var isKid = !isAlg && !isTyp && reader.ValueTextEquals("kid"u8);
            reader.Read();
            if (!(isAlg || isTyp || isKid) || reader.TokenType != JsonTokenType.String)
            {
                return CheckHeaderFully(header);
            }

            if ((isAlg && hasAlg) || (isTyp && hasTyp) || (isKid && hasKid))
            {
                return (LicenseTokenFailure.Malformed, $"The header {NotJsonOrDuplicates}.", null, null);
            }

            if (isAlg)
            {
                hasAlg = true;
                algorithm = _algorithmsBySpan.TryGetValue(Unescape(in reader, scratch), out var allowed) ? allowed : null;
            }
            else if (isTyp)
            {
                hasTyp = true;
                typeMatches = reader.ValueTextEquals(_typeUtf8);
            }
            else
            {
                hasKid = true;
                key = _keysByKidSpan.TryGetValue(Unescape(in reader, scratch), out var pinned) ? pinned : null;
            }
        }

        return Classify(algorithm, null, typeMatches, hasKid, key);
    }

    /// <summary>The same checks as <see cref="CheckHeader(ReadOnlyMemory{byte})"/> over a <see cref="JsonDocument"/>, for headers it does not read itself.</summary>
    internal (LicenseTokenFailure Failure, string? Message, PinnedKey? Key, string? Algorithm) CheckHeaderFully(ReadOnlyMemory<byte> header)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(header, StrictJson.DocumentOptions);
        }
        catch (JsonException)
        {
            return (LicenseTokenFailure.Malformed, $"The header {NotJsonOrDuplicates}.", null, null);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (LicenseTokenFailure.Malformed, "The header is not a JSON object.", null, null);
            }

            string? algorithm = null;
            if (root.TryGetProperty("alg"u8, out var alg) && alg.ValueKind == JsonValueKind.String && _algorithms.TryGetValue(alg.GetString()!, out var allowed))
            {
                algorithm = allowed;
            }

            string? otherMember = null;
            foreach (var member in root.EnumerateObject())
            {
                if (member.Name is not ("alg" or "typ" or "kid"))
                {
                    otherMember = member.Name;
                    break;
                }
            }

            var typeMatches = root.TryGetProperty("typ"u8, out var typ) && typ.ValueKind == JsonValueKind.String && typ.ValueEquals(_typeUtf8);
            var hasKid = root.TryGetProperty("kid"u8, out var kid) && kid.ValueKind == JsonValueKind.String;
            var key = hasKid && _keysByKid.TryGetValue(kid.GetString()!, out var pinned) ? pinned : null;
            return Classify(algorithm, otherMember, typeMatches, hasKid, key);
        }
    }

    // The header checks in their documented order: alg, other members, typ, kid.
    private (LicenseTokenFailure, string?, PinnedKey?, string?) Classify(string? algorithm, string? otherMember, bool typeMatches, bool hasKid, PinnedKey? key)
    {
        if (algorithm is null)
        {
            return (LicenseTokenFailure.UnsupportedAlgorithm, "The header's alg is not on the allow-list.", null, null);
        }

        if (otherMember is not null)
        {
            return (LicenseTokenFailure.UnsupportedHeader, $"The header member '{Sanitize(otherMember)}' is not accepted.", null, null);
        }

        if (!typeMatches)
        {
            return (LicenseTokenFailure.WrongType, $"The header's typ is not '{_type}'.", null, null);
        }

        if (!hasKid)
        {
            return (LicenseTokenFailure.UnknownKey, "The header has no kid.", null, null);
        }

        if (key is null)
        {
            return (LicenseTokenFailure.UnknownKey, "The token's kid names no pinned key.", null, null);
        }

        return (LicenseTokenFailure.None, null, key, algorithm);
    }

    // Unescaped, a JSON string never has more UTF-16 code units than its raw UTF-8 has bytes.
    private static ReadOnlySpan<char> Unescape(in Utf8JsonReader reader, Span<char> scratch)
    {
        var buffer = reader.ValueSpan.Length <= scratch.Length ? scratch : new char[reader.ValueSpan.Length];
        return buffer[..reader.CopyString(buffer)];
    }

    private static (LicenseTokenFailure, string?, SignedPayload?) Fail(LicenseTokenFailure failure, string message) => (failure, message, null);

    // Header member names come from an attacker: keep messages short and printable.
    private static string Sanitize(string value)
    {
        var builder = new StringBuilder(Math.Min(value.Length, 32));
        foreach (var c in value.AsSpan(0, Math.Min(value.Length, 32)))
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '#' ? c : '?');
        }

        return builder.ToString();
    }
}
