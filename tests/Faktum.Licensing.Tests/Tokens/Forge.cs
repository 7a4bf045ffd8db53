using System.Buffers.Text;
using System.Text;
using Faktum.Licensing.Tokens;
using NSec.Cryptography;

namespace Faktum.Licensing.Tests.Tokens;

/// <summary>Builds compact JWS by hand, the way an attacker would: any header, any payload, any key.</summary>
internal static class Forge
{
    public static string Encode(string text) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));

    public static string Sign(string headerJson, string payloadJson, Ed25519SecurityKey key)
    {
        var signingInput = Encode(headerJson) + "." + Encode(payloadJson);
        var signature = SignatureAlgorithm.Ed25519.Sign(key.PrivateKey, Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    public static string Header(Ed25519SecurityKey key, string alg = "Ed25519", string typ = "faktum-license+jwt", string extra = "") =>
        $"{{\"alg\":\"{alg}\",\"kid\":\"{key.KeyId}\",\"typ\":\"{typ}\"{extra}}}";

    public static string Payload(TokenFixture fixture, Func<LicenseClaims, LicenseClaims>? change = null) =>
        LicenseTokenIssuer.WritePayload(fixture.Claims(change));

    public static string DecodeSegment(string token, int index) =>
        Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.Split('.')[index]));
}
