using System.Buffers.Text;
using System.Text;
using Faktum.Licensing.Tokens;

namespace Faktum.Licensing.Tests.Tokens;

/// <summary>Builds compact JWS by hand, the way an attacker would: any header, any payload, any key.</summary>
internal static class Forge
{
    public static string Encode(string text) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));

    public static string Sign(string headerJson, string payloadJson, Ed25519SigningKey key)
    {
        var signingInput = Encode(headerJson) + "." + Encode(payloadJson);
        var signature = RawSignature(key, Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>A bare Ed25519 signature over <paramref name="data"/>, through the key's IdentityModel provider.</summary>
    public static byte[] RawSignature(Ed25519SigningKey key, byte[] data)
    {
        var signer = key.CryptoProviderFactory.CreateForSigning(key, SigningAlgorithms.Ed25519);
        try
        {
            return signer.Sign(data);
        }
        finally
        {
            key.CryptoProviderFactory.ReleaseSignatureProvider(signer);
        }
    }

    public static string Header(Ed25519SigningKey key, string alg = "Ed25519", string typ = "faktum-license+jwt", string extra = "") =>
        $"{{\"alg\":\"{alg}\",\"kid\":\"{key.KeyId}\",\"typ\":\"{typ}\"{extra}}}";

    public static string Payload(TokenFixture fixture, Func<LicenseClaims, LicenseClaims>? change = null) =>
        LicenseTokenPayload.Write(fixture.Claims(change));

    public static string DecodeSegment(string token, int index) =>
        Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.Split('.')[index]));
}
