using Faktum.Licensing.Tokens;
using Microsoft.IdentityModel.Tokens;

namespace Faktum.Licensing.Tests.Tokens;

public class Ed25519SecurityKeyTests
{
    [Fact]
    public void Private_key_round_trips_through_pkcs8_pem_and_signs_the_same()
    {
        using var key = Ed25519SecurityKey.Generate();

        var pem = key.ExportPrivateKeyPem();
        using var imported = Ed25519SecurityKey.FromPem(pem);

        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", pem, StringComparison.Ordinal);
        Assert.True(imported.CanSign);
        Assert.Equal(key.KeyId, imported.KeyId);
        Assert.Equal(key.ExportPrivateKeySeed(), imported.ExportPrivateKeySeed());
    }

    [Fact]
    public void Public_key_round_trips_through_spki_pem_raw_base64url_and_jwk()
    {
        using var key = Ed25519SecurityKey.Generate();

        using var fromPem = Ed25519SecurityKey.FromPem(key.ExportPublicKeyPem());
        using var fromRaw = Ed25519SecurityKey.FromPublicKey(key.ExportPublicKey());
        using var fromText = Ed25519SecurityKey.FromPublicKey(key.ExportPublicKeyBase64Url());
        using var fromJwk = Ed25519SecurityKey.FromJwk(key.ExportJwk());

        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", key.ExportPublicKeyPem(), StringComparison.Ordinal);
        Assert.All(new[] { fromPem, fromRaw, fromText, fromJwk }, k =>
        {
            Assert.False(k.CanSign);
            Assert.Equal(PrivateKeyStatus.DoesNotExist, k.PrivateKeyStatus);
            Assert.Equal(key.KeyId, k.KeyId);
            Assert.True(k.HasSamePublicKey(key));
        });
    }

    [Fact]
    public void Public_jwk_carries_no_private_member_unless_asked()
    {
        using var key = Ed25519SecurityKey.Generate();

        var jwk = key.ExportJwk();
        var privateJwk = key.ExportJwk(includePrivateKey: true);
        using var fromPrivate = Ed25519SecurityKey.FromJwk(privateJwk);

        Assert.DoesNotContain("\"d\"", jwk, StringComparison.Ordinal);
        Assert.Contains("\"kty\":\"OKP\",\"crv\":\"Ed25519\"", jwk, StringComparison.Ordinal);
        Assert.Contains($"\"kid\":\"{key.KeyId}\"", jwk, StringComparison.Ordinal);
        Assert.True(fromPrivate.CanSign);
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
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(64)]
    public void Raw_key_of_the_wrong_length_is_a_format_error(int length)
    {
        Assert.Throws<FormatException>(() => Ed25519SecurityKey.FromPublicKey(new byte[length]));
        Assert.Throws<FormatException>(() => Ed25519SecurityKey.FromPrivateKeySeed(new byte[length]));
    }

    [Theory]
    [InlineData("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----")]
    [InlineData("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----")]
    [InlineData("garbage")]
    public void Bad_pem_is_a_format_error(string pem)
    {
        Assert.Throws<FormatException>(() => Ed25519SecurityKey.FromPem(pem));
    }

    [Fact]
    public void Rsa_pem_is_not_taken_for_an_ed25519_key()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);

        Assert.Throws<FormatException>(() => Ed25519SecurityKey.FromPem(rsa.ExportSubjectPublicKeyInfoPem()));
        Assert.Throws<FormatException>(() => Ed25519SecurityKey.FromPem(rsa.ExportPkcs8PrivateKeyPem()));
    }

    [Fact]
    public void Verify_only_key_cannot_issue_tokens()
    {
        using var key = Ed25519SecurityKey.Generate();
        using var publicOnly = key.ToPublicKey();

        Assert.Throws<ArgumentException>(() => new LicenseTokenIssuer(publicOnly));
        Assert.Throws<InvalidOperationException>(() => publicOnly.ExportPrivateKeyPem());
    }
}
