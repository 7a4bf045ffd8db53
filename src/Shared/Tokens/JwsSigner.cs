using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Faktum.Licensing.Tokens;

/// <summary>
/// Signs the compact JWS objects the server issues (license tokens, startup responses): header
/// <c>{"alg":"Ed25519","kid":…,"typ":…}</c>, written by Microsoft.IdentityModel's <see cref="JsonWebTokenHandler"/>.
/// The SDK's <c>SignedJwt</c> is the verifying side.
/// </summary>
internal static class JwsSigner
{
    private static readonly JsonWebTokenHandler Writer = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>Signs <paramref name="payloadJson"/> (a JSON object) with header <c>{"alg":"Ed25519","kid":…,"typ":…}</c>.</summary>
    /// <param name="type">The <c>typ</c> header.</param>
    /// <param name="payloadJson">The payload, a JSON object.</param>
    /// <param name="signingKey">The key; its <c>kid</c> goes into the header.</param>
    /// <returns>The JWS in compact form.</returns>
    public static string Sign(string type, string payloadJson, Ed25519SigningKey signingKey)
    {
        var credentials = new SigningCredentials(signingKey, SigningAlgorithms.Ed25519)
        {
            CryptoProviderFactory = signingKey.CryptoProviderFactory,
        };
        var header = new Dictionary<string, object>(StringComparer.Ordinal) { ["typ"] = type };
        return Writer.CreateToken(payloadJson, credentials, header);
    }
}
