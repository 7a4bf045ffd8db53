using Faktum.Licensing.Tokens;
using Microsoft.IdentityModel.Tokens;

namespace Faktum.Licensing.Tests.Tokens;

public class Ed25519SigningKeyTests
{
    [Fact]
    public void Private_key_round_trips_through_pkcs8_pem_and_signs_the_same()
    {
        using var key = Ed25519SigningKey.Generate();

        var pem = key.ExportPrivateKeyPem();
        using var imported = Ed25519SigningKey.FromPem(pem);

        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", pem, StringComparison.Ordinal);
        Assert.Equal(PrivateKeyStatus.Exists, imported.PrivateKeyStatus);
        Assert.Equal(key.KeyId, imported.KeyId);
        Assert.Equal(key.ExportPrivateKeySeed(), imported.ExportPrivateKeySeed());
    }

    [Fact]
    public void Private_key_round_trips_through_its_seed()
    {
        using var key = Ed25519SigningKey.Generate();

        using var imported = Ed25519SigningKey.FromPrivateKeySeed(key.ExportPrivateKeySeed());

        Assert.Equal(key.KeyId, imported.KeyId);
        Assert.True(imported.PublicKey.HasSamePublicKey(key.PublicKey));
    }

    [Fact]
    public void Private_jwk_carries_d_only_when_asked_and_imports_back()
    {
        using var key = Ed25519SigningKey.Generate();

        var jwk = key.ExportJwk();
        var privateJwk = key.ExportJwk(includePrivateKey: true);
        using var fromPrivate = Ed25519SigningKey.FromJwk(privateJwk);

        Assert.DoesNotContain("\"d\"", jwk, StringComparison.Ordinal);
        Assert.Contains("\"d\"", privateJwk, StringComparison.Ordinal);
        Assert.Equal(PrivateKeyStatus.Exists, fromPrivate.PrivateKeyStatus);
        Assert.Equal(key.KeyId, fromPrivate.KeyId);
        Assert.Throws<FormatException>(() => Ed25519SigningKey.FromJwk(jwk));
    }

    [Fact]
    public void Public_half_is_a_verification_key_with_the_same_kid()
    {
        using var key = Ed25519SigningKey.Generate();

        Assert.Equal(key.KeyId, key.PublicKey.KeyId);
        Assert.Equal(PrivateKeyStatus.DoesNotExist, key.PublicKey.PrivateKeyStatus);
        Assert.Equal(key.PublicKey.ExportPublicKeyBase64Url(), key.ExportPublicKeyBase64Url());
        Assert.Equal(key.PublicKey.ComputeJwkThumbprint(), key.ComputeJwkThumbprint());
    }
}
