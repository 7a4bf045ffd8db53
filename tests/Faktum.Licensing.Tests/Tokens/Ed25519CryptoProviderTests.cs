using Faktum.Licensing.Tokens;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Faktum.Licensing.Tests.Tokens;

public class Ed25519CryptoProviderTests
{
    [Fact]
    public void IsSupportedAlgorithm_copes_with_every_argument_shape_identitymodel_uses()
    {
        using var signingKey = Ed25519SigningKey.Generate();
        var key = signingKey.PublicKey;
        var provider = new Ed25519CryptoProvider();
        using var rsaAlgorithm = System.Security.Cryptography.RSA.Create(2048);
        var rsa = new RsaSecurityKey(rsaAlgorithm);

        Assert.True(provider.IsSupportedAlgorithm("Ed25519"));
        Assert.True(provider.IsSupportedAlgorithm("EdDSA", key));
        Assert.True(provider.IsSupportedAlgorithm("Ed25519", key, true));
        Assert.False(provider.IsSupportedAlgorithm("ES256", key));
        Assert.False(provider.IsSupportedAlgorithm("Ed25519", rsa));
        Assert.False(provider.IsSupportedAlgorithm("none"));
    }

    [Fact]
    public void Create_refuses_other_algorithms_and_keys()
    {
        using var signingKey = Ed25519SigningKey.Generate();
        var key = signingKey.PublicKey;
        var provider = new Ed25519CryptoProvider();

        Assert.Throws<NotSupportedException>(() => provider.Create("RS256", key));
        Assert.Throws<NotSupportedException>(() => provider.Create("Ed25519"));
        Assert.Throws<NotSupportedException>(() => provider.Create("Ed25519", "not a key"));
    }

    [Fact]
    public void Signing_with_a_public_only_key_is_refused_by_the_factory()
    {
        using var key = Ed25519SigningKey.Generate();
        var publicOnly = key.PublicKey;

        Assert.ThrowsAny<Exception>(() => publicOnly.CryptoProviderFactory.CreateForSigning(publicOnly, "Ed25519"));
        Assert.NotNull(key.CryptoProviderFactory.CreateForSigning(key, "Ed25519"));
    }

    [Fact]
    public void Span_sign_writes_exactly_64_bytes_and_refuses_a_short_destination()
    {
        using var key = Ed25519SigningKey.Generate();
        var signer = key.CryptoProviderFactory.CreateForSigning(key, "Ed25519");
        var data = "hello"u8.ToArray();

        var big = new byte[100];
        Assert.True(signer.Sign(data, big, out var written));
        Assert.False(signer.Sign(data, new byte[63], out var none));

        Assert.Equal(64, written);
        Assert.Equal(0, none);
        Assert.Equal(signer.Sign(data), big[..64]);
        Assert.Equal(signer.Sign(data), signer.Sign([0, .. data, 0], 1, data.Length));
    }

    [Fact]
    public void Keys_never_touch_the_process_wide_crypto_provider_factory()
    {
        using var key = Ed25519SigningKey.Generate();
        _ = key.PublicKey.CryptoProviderFactory.CreateForVerifying(key.PublicKey, "Ed25519");
        _ = key.CryptoProviderFactory.CreateForSigning(key, "Ed25519");

        Assert.Null(CryptoProviderFactory.Default.CustomCryptoProvider);
        Assert.NotSame(CryptoProviderFactory.Default, key.PublicKey.CryptoProviderFactory);
        Assert.NotSame(CryptoProviderFactory.Default, key.CryptoProviderFactory);
    }

    [Fact]
    public async Task A_host_that_uses_identitymodel_verifies_a_license_token_with_the_sdk_key()
    {
        using var fixture = new TokenFixture();
        using var other = Ed25519SigningKey.Generate();
        var token = fixture.Issue();
        var handler = new JsonWebTokenHandler();
        TokenValidationParameters Parameters(Ed25519SecurityKey key) => new()
        {
            ValidIssuer = TokenFixture.Issuer,
            ValidAudience = TokenFixture.Product,
            ValidTypes = [LicenseTokenValidationOptions.LicenseTokenType],
            ValidAlgorithms = [SigningAlgorithms.Ed25519],
            IssuerSigningKey = key,
            ValidateLifetime = false,
        };

        var pinned = await handler.ValidateTokenAsync(token, Parameters(fixture.Key.PublicKey));
        var foreign = await handler.ValidateTokenAsync(token, Parameters(other.PublicKey));
        var tampered = await handler.ValidateTokenAsync(token[..^2] + (token[^2] == 'A' ? "BA" : "AA"), Parameters(fixture.Key.PublicKey));

        Assert.True(pinned.IsValid, pinned.Exception?.Message);
        Assert.False(foreign.IsValid);
        Assert.False(tampered.IsValid);
    }
}
