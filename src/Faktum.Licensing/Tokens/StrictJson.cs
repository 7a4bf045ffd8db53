using System.Globalization;
using System.Text.Json;

namespace Faktum.Licensing.Tokens;

/// <summary>
/// The structural check every JWS header and payload passes before anything reads a string from it: one JSON object,
/// nested at most <see cref="MaxDepth"/> deep, whose every string (member names included) unescapes to valid UTF-16.
/// </summary>
/// <remarks>
/// System.Text.Json unescapes lazily and throws <see cref="InvalidOperationException"/> on a lone surrogate escape such as
/// <c>"\uD800"</c> — even <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/> does, when it
/// compares member names for duplicates. Checked here, such text is refused as malformed instead of escaping as an exception.
/// Duplicate members are left to <see cref="JsonDocument"/> (<see cref="DocumentOptions"/>).
/// </remarks>
internal static class StrictJson
{
    public const int MaxDepth = 8;

    public static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = MaxDepth };

    public static readonly JsonDocumentOptions DocumentOptions = new() { AllowDuplicateProperties = false, MaxDepth = MaxDepth };

    /// <summary>Returns <see langword="null"/> when <paramref name="utf8"/> (already known to be valid UTF-8) passes, else why not.</summary>
    public static string? CheckObject(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return "is not a JSON object";
            }

            // Reading on to the end also refuses anything after the object.
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.String
                    && reader.ValueIsEscaped && !EscapesAreValidUtf16(reader.ValueSpan))
                {
                    return "holds a string escape that is not valid UTF-16";
                }
            }

            return null;
        }
        catch (JsonException)
        {
            return "is not JSON";
        }
    }

    /// <summary>Whether the escapes in the raw text of a JSON string, whose escape syntax the reader has already checked,
    /// decode to valid UTF-16: every <c>\uD800</c>–<c>\uDBFF</c> directly followed by a <c>\uDC00</c>–<c>\uDFFF</c>,
    /// and no low surrogate on its own.</summary>
    internal static bool EscapesAreValidUtf16(ReadOnlySpan<byte> raw)
    {
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != (byte)'\\')
            {
                continue;
            }

            i++; // the escaped character: one of "\/bfnrt, or u and four hex digits
            if (i >= raw.Length || raw[i] != (byte)'u')
            {
                continue;
            }

            if (!TryReadUnit(raw, i + 1, out var unit))
            {
                return false;
            }

            i += 4; // now on the last hex digit
            if (char.IsLowSurrogate(unit))
            {
                return false;
            }

            if (char.IsHighSurrogate(unit))
            {
                if (i + 2 >= raw.Length || raw[i + 1] != (byte)'\\' || raw[i + 2] != (byte)'u'
                    || !TryReadUnit(raw, i + 3, out var low) || !char.IsLowSurrogate(low))
                {
                    return false;
                }

                i += 6;
            }
        }

        return true;
    }

    private static bool TryReadUnit(ReadOnlySpan<byte> raw, int start, out char unit)
    {
        unit = default;
        if (start > raw.Length - 4
            || !ushort.TryParse(raw.Slice(start, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        unit = (char)value;
        return true;
    }
}
