using System.Buffers.Text;

namespace Faktum.Licensing.Tokens;

/// <summary>Unpadded base64url (RFC 7515 §2) that accepts only the one canonical encoding of each byte string.</summary>
internal static class Base64UrlStrict
{
    /// <summary>Decodes <paramref name="text"/>, or returns <see langword="null"/> when it holds padding, a character outside
    /// the base64url alphabet, an impossible length, or non-zero unused bits in its last character.</summary>
    public static byte[]? Decode(ReadOnlySpan<char> text)
    {
        if (text.Length % 4 == 1)
        {
            return null;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_')
            {
                return null;
            }
        }

        var bytes = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        // The OperationStatus overload reports bad input; TryDecodeFromChars throws on non-canonical trailing bits.
        if (Base64Url.DecodeFromChars(text, bytes, out _, out var written) != System.Buffers.OperationStatus.Done)
        {
            return null;
        }

        if (written != bytes.Length)
        {
            Array.Resize(ref bytes, written);
        }

        // Reject encodings whose unused low bits are not zero: re-encoding must give the same text.
        if (text.Length % 4 != 0)
        {
            Span<char> last = stackalloc char[4];
            var tail = bytes.AsSpan(written - (text.Length % 4 == 2 ? 1 : 2));
            if (!Base64Url.TryEncodeToChars(tail, last, out var charsWritten)
                || !last[..charsWritten].SequenceEqual(text[^charsWritten..]))
            {
                return null;
            }
        }

        return bytes;
    }
}
