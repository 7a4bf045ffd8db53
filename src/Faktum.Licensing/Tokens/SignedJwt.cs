using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Faktum.Licensing.Tokens;

/// <summary>
/// The strict compact-JWS verifier of every signed object the server issues (license tokens, startup responses); the
/// signing side is <c>JwsSigner</c> (src/Shared/Tokens), compiled into the vendor package and the server. It verifies under pinned keys only,
/// parsing each token once itself and checking the Ed25519 signature with NSec (<see cref="PinnedKey.Verify"/>): Microsoft.IdentityModel
/// is not loaded to validate a token (issue 15: a host's cold start).
/// </summary>
internal sealed partial class SignedJwt
{
    private const string NotJsonOrDuplicates = "is not JSON, or it has duplicate members";

    // Room on the stack for an unescaped alg or kid; longer ones (no pinned kid or allowed alg is that long) go to the heap.
    private const int ScratchChars = 128;

    private readonly string _type;
    private readonly byte[] _typeUtf8;
    private readonly byte[] _issuerUtf8;
    private readonly byte[] _audienceUtf8;
    private readonly int _maxLength;
    // Plain hash sets, not frozen ones: they hold one to three entries, and freezing analyses its keys with generic code that the
    // JIT compiles at every cold start (issue 15). Never written after the constructor.
    private readonly HashSet<string> _algorithms;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _algorithmsBySpan;
    private readonly Dictionary<string, PinnedKey> _keysByKid;
    private readonly Dictionary<string, PinnedKey>.AlternateLookup<ReadOnlySpan<char>> _keysByKidSpan;

    public SignedJwt(string type, string issuer, string audience, IEnumerable<Ed25519SecurityKey> trustedKeys, IEnumerable<string> algorithms, int maxLength)
        : this(type, issuer, audience, trustedKeys.Select(key => key.Pinned), algorithms, maxLength)
    {
    }

    public SignedJwt(string type, string issuer, string audience, IEnumerable<PinnedKey> trustedKeys, IEnumerable<string> algorithms, int maxLength)
    {
        _type = type;
        _typeUtf8 = Encoding.UTF8.GetBytes(type);
        _issuerUtf8 = Encoding.UTF8.GetBytes(issuer);
        _audienceUtf8 = Encoding.UTF8.GetBytes(audience);
        _maxLength = maxLength;

        // Every pinned key is an Ed25519 key: an allowed alg that is not an Ed25519 name could never verify, so it is not allowed.
        _algorithms = new HashSet<string>(algorithms.Where(SigningAlgorithms.IsEd25519), StringComparer.Ordinal);
        _algorithmsBySpan = _algorithms.GetAlternateLookup<ReadOnlySpan<char>>();
        var keys = new Dictionary<string, PinnedKey>(StringComparer.Ordinal);
        foreach (var key in trustedKeys)
        {
            keys[key.KeyId] = key;
        }

        _keysByKid = keys;
        _keysByKidSpan = keys.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Validates everything but lifetime and binding; on success returns the payload, which the caller disposes.</summary>
    public (LicenseTokenFailure Failure, string? Message, SignedPayload? Payload) Validate(string token)
    {
        if (token.Length > _maxLength)
        {
            return Fail(LicenseTokenFailure.Malformed, $"The token is longer than {_maxLength} characters.");
        }

        var first = token.IndexOf('.', StringComparison.Ordinal);
        var second = first < 0 ? -1 : token.IndexOf('.', first + 1);
        if (first <= 0 || second < 0 || token.IndexOf('.', second + 1) >= 0 || second == first + 1)
        {
            return Fail(LicenseTokenFailure.Malformed, "The token is not a compact JWS of exactly three segments.");
        }

        // One pooled buffer for the decoded payload (which the returned SignedPayload keeps), header and signature, and
        // the ASCII signing input: no array is allocated per token.
        var layout = BufferLayout.For(token, first, second);
        byte[]? buffer = ArrayPool<byte>.Shared.Rent(layout.Length);
        JsonDocument? payload = null;
        try
        {
            var (failure, message) = Check(token, first, second, layout, buffer, out payload);
            if (failure != LicenseTokenFailure.None)
            {
                return Fail(failure, message!);
            }

            var signed = new SignedPayload(payload!, buffer);
            payload = null;
            buffer = null;
            return (LicenseTokenFailure.None, null, signed);
        }
        finally
        {
            payload?.Dispose();
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
            }
        }
    }

    private (LicenseTokenFailure Failure, string? Message) Check(string token, int first, int second, BufferLayout layout, byte[] buffer, out JsonDocument? payload)
    {
        payload = null;
        if (!Base64UrlStrict.TryDecode(token.AsSpan(0, first), buffer.AsSpan(layout.Header, layout.HeaderMax), out var headerLength)
            || !Base64UrlStrict.TryDecode(token.AsSpan(first + 1, second - first - 1), buffer.AsSpan(BufferLayout.Payload, layout.PayloadMax), out var payloadLength)
            || !Base64UrlStrict.TryDecode(token.AsSpan(second + 1), buffer.AsSpan(layout.Signature, layout.SignatureMax), out var signatureLength))
        {
            return (LicenseTokenFailure.Malformed, "A segment is not canonical unpadded base64url.");
        }

        var headerBytes = buffer.AsMemory(layout.Header, headerLength);
        var payloadBytes = buffer.AsMemory(BufferLayout.Payload, payloadLength);
        if (!Utf8.IsValid(headerBytes.Span) || !Utf8.IsValid(payloadBytes.Span))
        {
            return (LicenseTokenFailure.Malformed, "The header or payload is not valid UTF-8.");
        }

        if (StrictJson.CheckObject(payloadBytes.Span) is { } payloadProblem)
        {
            return (LicenseTokenFailure.Malformed, $"The payload {payloadProblem}.");
        }

        try
        {
            payload = JsonDocument.Parse(payloadBytes, StrictJson.DocumentOptions);
        }
        catch (JsonException)
        {
            return (LicenseTokenFailure.Malformed, $"The payload {NotJsonOrDuplicates}.");
        }

        if (StrictJson.CheckObject(headerBytes.Span) is { } headerProblem)
        {
            return (LicenseTokenFailure.Malformed, $"The header {headerProblem}.");
        }

        var (headerFailure, headerMessage, key, algorithm) = CheckHeader(headerBytes);
        if (headerFailure != LicenseTokenFailure.None)
        {
            return (headerFailure, headerMessage);
        }

        if (signatureLength != PinnedKey.SignatureSizeInBytes)
        {
            return (LicenseTokenFailure.BadSignature, "The signature is not 64 bytes long.");
        }

        // The signing input is the token's first two segments as they stand; their characters are base64url and '.', all ASCII.
        var inputLength = Encoding.ASCII.GetBytes(token.AsSpan(0, second), buffer.AsSpan(layout.Input, second));
        if (!key!.Verify(buffer.AsSpan(layout.Input, inputLength), buffer.AsSpan(layout.Signature, PinnedKey.SignatureSizeInBytes)))
        {
            return (LicenseTokenFailure.BadSignature, "The signature does not verify under the pinned key.");
        }

        var root = payload.RootElement;
        if (!root.TryGetProperty("iss"u8, out var issuer) || issuer.ValueKind != JsonValueKind.String || !issuer.ValueEquals(_issuerUtf8))
        {
            return (LicenseTokenFailure.WrongIssuer, "The token's iss is not the expected issuer.");
        }

        // aud is the product as one string: we never issue an array, so an array (even one naming the product) is refused.
        if (!root.TryGetProperty("aud"u8, out var audience) || audience.ValueKind != JsonValueKind.String || !audience.ValueEquals(_audienceUtf8))
        {
            return (LicenseTokenFailure.WrongAudience, "The token's aud is not the expected product.");
        }

        return (LicenseTokenFailure.None, null);
    }

    /// <summary>Where each part lives in the pooled buffer: payload, header, signature (each at its longest possible decoding), signing input.</summary>
    private readonly record struct BufferLayout(int PayloadMax, int HeaderMax, int SignatureMax, int InputLength)
    {
        public const int Payload = 0;

        public int Header => PayloadMax;

        public int Signature => PayloadMax + HeaderMax;

        public int Input => PayloadMax + HeaderMax + SignatureMax;

        public int Length => Input + InputLength;

        public static BufferLayout For(string token, int first, int second) => new(
            Base64Url.GetMaxDecodedLength(second - first - 1),
            Base64Url.GetMaxDecodedLength(first),
            Base64Url.GetMaxDecodedLength(token.Length - second - 1),
            second);
    }
}
