using System.Buffers;
using System.Buffers.Text;

namespace Faktum.Licensing.Tokens;

/// <summary>Unpadded base64url (RFC 7515 §2) that accepts only the one canonical encoding of each byte string.</summary>
internal static class Base64UrlStrict
{
    /// <summary>Decodes <paramref name="text"/>, or returns <see langword="null"/> when it holds padding, a character outside
    /// the base64url alphabet, an impossible length, or non-zero unused bits in its last character.</summary>
    public static byte[]? Decode(ReadOnlySpan<char> text)
    {
        var bytes = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        if (!TryDecode(text, bytes, out var written))
        {
            return null;
        }

        if (written != bytes.Length)
        {
            Array.Resize(ref bytes, written);
        }

        return bytes;
    }

    /// <summary>Decodes <paramref name="text"/> into <paramref name="destination"/>, which must hold at least
    /// <see cref="Base64Url.GetMaxDecodedLength"/> bytes; <see langword="false"/> for anything <see cref="Decode"/> refuses.</summary>
    public static bool TryDecode(ReadOnlySpan<char> text, Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if (text.Length % 4 == 1)
        {
            return false;
        }

        // The decoder skips whitespace: allow the alphabet only.
        if (!IsAlphabetOnly(text))
        {
            return false;
        }

        if (destination.Length < Base64Url.GetMaxDecodedLength(text.Length))
        {
            throw new ArgumentException("The destination is shorter than the longest possible decoding.", nameof(destination));
        }

        // The OperationStatus overload reports bad input; TryDecodeFromChars throws on non-canonical trailing bits.
        if (Base64Url.DecodeFromChars(text, destination, out _, out var written) != OperationStatus.Done)
        {
            return false;
        }

        // Reject encodings whose unused low bits are not zero: re-encoding must give the same text.
        if (text.Length % 4 != 0)
        {
            Span<char> last = stackalloc char[4];
            var tail = destination[(written - (text.Length % 4 == 2 ? 1 : 2))..written];
            if (!Base64Url.TryEncodeToChars(tail, last, out var charsWritten)
                || !last[..charsWritten].SequenceEqual(text[^charsWritten..]))
            {
                return false;
            }
        }

        bytesWritten = written;
        return true;
    }

    // A plain loop, not SearchValues: at a cold start the vectorised search is several large generic methods for the JIT to compile,
    // for a few hundred characters. In a method of its own: with the stackalloc above, a loop would make TryDecode start fully
    // optimised instead of in the JIT's quick tier (issue 15).
    private static bool IsAlphabetOnly(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is not ((>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }
}
