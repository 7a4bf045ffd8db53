using Faktum.Licensing.Tokens;
using Microsoft.IdentityModel.Tokens;

namespace Faktum.Licensing.Tests.Tokens;

public class Ed25519SecurityKeyTests
{
    [Fact]
    public void Public_key_round_trips_through_spki_pem_raw_base64url_and_jwk()
    {
        using var key = Ed25519SigningKey.Generate();

        using var fromPem = Ed25519SecurityKey.FromPem(key.PublicKey.ExportPublicKeyPem());
        using var fromRaw = Ed25519SecurityKey.FromPublicKey(key.PublicKey.ExportPublicKey());
        using var fromText = Ed25519SecurityKey.FromPublicKey(key.PublicKey.ExportPublicKeyBase64Url());
        using var fromJwk = Ed25519SecurityKey.FromJwk(key.PublicKey.ExportJwk());

        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", key.PublicKey.ExportPublicKeyPem(), StringComparison.Ordinal);
        Assert.All(new[] { fromPem, fromRaw, fromText, fromJwk }, k =>
        {
            Assert.Equal(PrivateKeyStatus.DoesNotExist, k.PrivateKeyStatus);
            Assert.Equal(key.KeyId, k.KeyId);
            Assert.True(k.HasSamePublicKey(key.PublicKey));
        });
    }

    [Fact]
    public void Public_jwk_carries_no_private_member()
    {
        using var key = Ed25519SigningKey.Generate();

        var jwk = key.PublicKey.ExportJwk();

        Assert.DoesNotContain("\"d\"", jwk, StringComparison.Ordinal);
        Assert.Contains("\"kty\":\"OKP\",\"crv\":\"Ed25519\"", jwk, StringComparison.Ordinal);
        Assert.Contains($"\"kid\":\"{key.KeyId}\"", jwk, StringComparison.Ordinal);
        Assert.Equal(jwk, key.ExportJwk());
    }

    [Fact]
    public void A_private_key_is_refused_as_a_verification_key()
    {
        using var key = Ed25519SigningKey.Generate();

        Assert.Throws<FormatException>(() => Ed25519SecurityKey.FromPem(key.ExportPrivateKeyPem()));
        Assert.Throws<FormatException>(() => Ed25519SecurityKey.FromJwk(key.ExportJwk(includePrivateKey: true)));
    }

    [Theory]
    [InlineData("""{"kty":"EC","crv":"P-256","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}""")]
    [InlineData("""{"kty":"OKP","crv":"X25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}""")]
    [InlineData("""{"kty":"OKP","crv":"Ed25519"}""")]
    [InlineData("""{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHUR"}""")]
    [InlineData("""{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo=="}""")]
    [InlineData("""{"kty":"OKP","kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}""")]
    [InlineData("""{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","d":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}""")]
    [InlineData("[]")]
    [InlineData("not json")]
    public void Bad_jwk_is_a_format_error(string json)
    {
        Assert.Throws<FormatException>(() => Ed25519SecurityKey.FromJwk(json));
        Assert.Throws<FormatException>(() => Ed25519SigningKey.FromJwk(json));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(64)]
    public void Raw_key_of_the_wrong_length_is_a_format_error(int length)
    {
        Assert.Throws<FormatException>(() => Ed25519SecurityKey.FromPublicKey(new byte[length]));
        Assert.Throws<FormatException>(() => Ed25519SigningKey.FromPrivateKeySeed(new byte[length]));
    }

    [Theory]
    [InlineData("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----")]
    [InlineData("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----")]
    [InlineData("garbage")]
    public void Bad_pem_is_a_format_error(string pem)
    {
        Assert.Throws<FormatException>(() => Ed25519SecurityKey.FromPem(pem));
        Assert.Throws<FormatException>(() => Ed25519SigningKey.FromPem(pem));
    }

    [Fact]
    public void Rsa_pem_is_not_taken_for_an_ed25519_key()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);

        Assert.Throws<FormatException>(() => Ed25519SecurityKey.FromPem(rsa.ExportSubjectPublicKeyInfoPem()));
        Assert.Throws<FormatException>(() => Ed25519SecurityKey.FromPem(rsa.ExportPkcs8PrivateKeyPem()));
        Assert.Throws<FormatException>(() => Ed25519SigningKey.FromPem(rsa.ExportPkcs8PrivateKeyPem()));
    }

    [Fact]
    public void Verify_only_key_cannot_issue_tokens()
    {
        // The issuer takes the vendor package's private-key type only, and the verification key exports no private key.
        var parameters = typeof(LicenseTokenIssuer).GetConstructors().Select(c => c.GetParameters().Single().ParameterType);

        Assert.All(parameters, t => Assert.Equal(typeof(Ed25519SigningKey), t));
        Assert.Null(typeof(Ed25519SecurityKey).GetMethod("ExportPrivateKeyPem"));
        Assert.Null(typeof(Ed25519SecurityKey).GetMethod("ExportPrivateKeySeed"));
    }
}
