using System.Collections.Frozen;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Faktum.Licensing.Tokens;

/// <summary>
/// The strict compact-JWS core shared by every signed object we issue (license tokens, startup responses):
/// it signs with Ed25519 and verifies under pinned keys only, through Microsoft.IdentityModel's <see cref="JsonWebTokenHandler"/>
/// and our dedicated crypto provider factory.
/// </summary>
internal sealed class SignedJwt
{
    private static readonly JsonDocumentOptions StrictJson = new() { AllowDuplicateProperties = false, MaxDepth = 8 };
    private static readonly FrozenSet<string> AllowedHeaderMembers = FrozenSet.Create(StringComparer.Ordinal, "alg", "typ", "kid");
    private static readonly JsonWebTokenHandler Writer = new() { SetDefaultTimesOnTokenCreation = false };

    private readonly string _type;
    private readonly string _issuer;
    private readonly string _audience;
    private readonly int _maxLength;
    private readonly FrozenSet<string> _algorithms;
    private readonly FrozenDictionary<string, TokenValidationParameters> _parametersByKid;
    private readonly JsonWebTokenHandler _handler;

    public SignedJwt(string type, string issuer, string audience, IEnumerable<Ed25519SecurityKey> trustedKeys, IEnumerable<string> algorithms, int maxLength)
    {
        _type = type;
        _issuer = issuer;
        _audience = audience;
        _maxLength = maxLength;
        _handler = new JsonWebTokenHandler { MaximumTokenSizeInBytes = maxLength };
        _algorithms = algorithms.ToFrozenSet(StringComparer.Ordinal);
        var parameters = new Dictionary<string, TokenValidationParameters>(StringComparer.Ordinal);
        foreach (var key in trustedKeys)
        {
            var pinned = key.ToPublicKey();
            parameters[key.KeyId] = new TokenValidationParameters
            {
                IssuerSigningKey = pinned,
                TryAllIssuerSigningKeys = false,
                ValidateIssuerSigningKey = false,
                RequireSignedTokens = true,
                ValidAlgorithms = _algorithms,
                ValidTypes = [type],
                ValidIssuer = issuer,
                ValidAudience = audience,
                ValidateIssuer = true,
                ValidateAudience = true,
                ValidateLifetime = false,
                RequireExpirationTime = false,
                CryptoProviderFactory = pinned.CryptoProviderFactory,
            };
        }

        _parametersByKid = parameters.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Signs <paramref name="payloadJson"/> (a JSON object) with header <c>{"alg":"Ed25519","kid":…,"typ":…}</c>.</summary>
    public static string Sign(string type, string payloadJson, Ed25519SecurityKey signingKey)
    {
        if (!signingKey.CanSign)
        {
            throw new InvalidOperationException($"The key '{signingKey.KeyId}' holds no private key and cannot sign.");
        }

        var credentials = new SigningCredentials(signingKey, SigningAlgorithms.Ed25519)
        {
            CryptoProviderFactory = signingKey.CryptoProviderFactory,
        };
        var header = new Dictionary<string, object>(StringComparer.Ordinal) { ["typ"] = type };
        return Writer.CreateToken(payloadJson, credentials, header);
    }

    /// <summary>Validates everything but lifetime and binding; on success returns the payload, which the caller disposes.</summary>
    public async ValueTask<(LicenseTokenFailure Failure, string? Message, JsonDocument? Payload)> ValidateAsync(string token)
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

        var headerBytes = Base64UrlStrict.Decode(token.AsSpan(0, first));
        var payloadBytes = Base64UrlStrict.Decode(token.AsSpan(first + 1, second - first - 1));
        var signatureBytes = Base64UrlStrict.Decode(token.AsSpan(second + 1));
        if (headerBytes is null || payloadBytes is null || signatureBytes is null)
        {
            return Fail(LicenseTokenFailure.Malformed, "A segment is not canonical unpadded base64url.");
        }

        // JsonDocument checks UTF-8 only when a string is read: check it up front so bad bytes never throw later.
        if (!Utf8.IsValid(headerBytes) || !Utf8.IsValid(payloadBytes))
        {
            return Fail(LicenseTokenFailure.Malformed, "The header or payload is not valid UTF-8.");
        }

        JsonDocument payload;
        try
        {
            payload = JsonDocument.Parse(payloadBytes, StrictJson);
        }
        catch (JsonException)
        {
            return Fail(LicenseTokenFailure.Malformed, "The payload is not JSON, or it has duplicate members.");
        }

        if (payload.RootElement.ValueKind != JsonValueKind.Object)
        {
            payload.Dispose();
            return Fail(LicenseTokenFailure.Malformed, "The payload is not a JSON object.");
        }

        var (headerFailure, headerMessage, kid) = CheckHeader(headerBytes);
        if (headerFailure != LicenseTokenFailure.None)
        {
            payload.Dispose();
            return Fail(headerFailure, headerMessage!);
        }

        if (!_parametersByKid.TryGetValue(kid!, out var parameters))
        {
            payload.Dispose();
            return Fail(LicenseTokenFailure.UnknownKey, "The token's kid names no pinned key.");
        }

        if (signatureBytes.Length != Ed25519SignatureProvider.SignatureSizeInBytes)
        {
            payload.Dispose();
            return Fail(LicenseTokenFailure.BadSignature, "The signature is not 64 bytes long.");
        }

        var result = await _handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        if (!result.IsValid)
        {
            payload.Dispose();
            var (failure, message) = Classify(result.Exception);
            return Fail(failure, message);
        }

        return (LicenseTokenFailure.None, null, payload);
    }

    private (LicenseTokenFailure Failure, string? Message, string? Kid) CheckHeader(byte[] headerBytes)
    {
        JsonDocument header;
        try
        {
            header = JsonDocument.Parse(headerBytes, StrictJson);
        }
        catch (JsonException)
        {
            return (LicenseTokenFailure.Malformed, "The header is not JSON, or it has duplicate members.", null);
        }

        using (header)
        {
            var root = header.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (LicenseTokenFailure.Malformed, "The header is not a JSON object.", null);
            }

            if (!root.TryGetProperty("alg", out var alg) || alg.ValueKind != JsonValueKind.String || !_algorithms.Contains(alg.GetString()!))
            {
                return (LicenseTokenFailure.UnsupportedAlgorithm, "The header's alg is not on the allow-list.", null);
            }

            foreach (var member in root.EnumerateObject())
            {
                if (!AllowedHeaderMembers.Contains(member.Name))
                {
                    return (LicenseTokenFailure.UnsupportedHeader, $"The header member '{Sanitize(member.Name)}' is not accepted.", null);
                }
            }

            if (!root.TryGetProperty("typ", out var typ) || typ.ValueKind != JsonValueKind.String || !string.Equals(typ.GetString(), _type, StringComparison.Ordinal))
            {
                return (LicenseTokenFailure.WrongType, $"The header's typ is not '{_type}'.", null);
            }

            if (!root.TryGetProperty("kid", out var kid) || kid.ValueKind != JsonValueKind.String)
            {
                return (LicenseTokenFailure.UnknownKey, "The header has no kid.", null);
            }

            return (LicenseTokenFailure.None, null, kid.GetString());
        }
    }

    private static (LicenseTokenFailure, string) Classify(Exception? exception) => exception switch
    {
        SecurityTokenSignatureKeyNotFoundException => (LicenseTokenFailure.UnknownKey, "No pinned key matches the token's kid."),
        SecurityTokenInvalidSignatureException => (LicenseTokenFailure.BadSignature, "The signature does not verify under the pinned key."),
        SecurityTokenInvalidAlgorithmException => (LicenseTokenFailure.UnsupportedAlgorithm, "The algorithm is not on the allow-list."),
        SecurityTokenInvalidTypeException => (LicenseTokenFailure.WrongType, "The token type is not the expected one."),
        SecurityTokenInvalidIssuerException => (LicenseTokenFailure.WrongIssuer, "The token's iss is not the expected issuer."),
        SecurityTokenInvalidAudienceException => (LicenseTokenFailure.WrongAudience, "The token's aud is not the expected product."),
        _ => (LicenseTokenFailure.Malformed, "The token could not be read."),
    };

    private static (LicenseTokenFailure, string?, JsonDocument?) Fail(LicenseTokenFailure failure, string message) => (failure, message, null);

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
