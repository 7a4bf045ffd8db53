using System.Buffers.Text;
using System.Text;
using Faktum.Licensing.Tokens;

namespace Faktum.Licensing.Tests.Tokens;

/// <summary>RFC 8037 Appendix A: the known-answer vectors for Ed25519 in JOSE.</summary>
public class Rfc8037VectorTests
{
    private const string PrivateJwk = """{"kty":"OKP","crv":"Ed25519","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}""";
    private const string PublicX = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
    private const string Thumbprint = "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k";
    private const string SigningInput = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc";
    private const string Signature = "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";

    [Fact]
    public void A1_private_jwk_imports_with_the_A2_public_key()
    {
        using var key = Ed25519SigningKey.FromJwk(PrivateJwk);

        Assert.Equal(Microsoft.IdentityModel.Tokens.PrivateKeyStatus.Exists, key.PrivateKeyStatus);
        Assert.Equal(PublicX, key.ExportPublicKeyBase64Url());
    }

    [Fact]
    public void A3_thumbprint_is_the_key_id()
    {
        using var key = Ed25519SecurityKey.FromPublicKey(PublicX);

        Assert.Equal(Thumbprint, key.KeyId);
        Assert.Equal(Thumbprint, Base64Url.EncodeToString(key.ComputeJwkThumbprint()));
    }

    [Fact]
    public void A4_signature_reproduces_byte_for_byte_from_the_A1_key()
    {
        using var key = Ed25519SigningKey.FromJwk(PrivateJwk);
        var provider = key.CryptoProviderFactory.CreateForSigning(key, "EdDSA");

        var signature = provider.Sign(Encoding.ASCII.GetBytes(SigningInput));

        Assert.Equal(Signature, Base64Url.EncodeToString(signature));
        key.CryptoProviderFactory.ReleaseSignatureProvider(provider);
    }

    [Fact]
    public void A5_verifies_at_the_signature_layer_with_offsets_into_a_larger_pooled_buffer()
    {
        using var key = Ed25519SecurityKey.FromPublicKey(PublicX);
        var provider = key.CryptoProviderFactory.CreateForVerifying(key, "EdDSA");
        var input = Encoding.ASCII.GetBytes(SigningInput);
        var signature = Base64Url.DecodeFromChars(Signature);

        // SignedJwt verifies inside a rented buffer longer than the data: honour offset and length.
        var pooledInput = new byte[input.Length + 37];
        Random.Shared.NextBytes(pooledInput);
        input.CopyTo(pooledInput, 11);
        var pooledSignature = new byte[signature.Length + 19];
        Random.Shared.NextBytes(pooledSignature);
        signature.CopyTo(pooledSignature, 5);

        Assert.True(provider.Verify(input, signature));
        Assert.True(provider.Verify(pooledInput, 11, input.Length, pooledSignature, 5, signature.Length));
        Assert.False(provider.Verify(pooledInput, 10, input.Length, pooledSignature, 5, signature.Length));
        Assert.False(provider.Verify(pooledInput, 11, input.Length - 1, pooledSignature, 5, signature.Length));
        Assert.False(provider.Verify(pooledInput, 11, input.Length, pooledSignature, 5, signature.Length - 1));
        Assert.False(provider.Verify(pooledInput, 11, pooledInput.Length, pooledSignature, 5, signature.Length));
    }

    [Fact]
    public async Task A5_is_refused_as_a_license_token_because_its_payload_is_not_json()
    {
        using var key = Ed25519SecurityKey.FromPublicKey(PublicX);
        var options = new LicenseTokenValidationOptions { Issuer = "iss", ProductId = "aud" };
        options.TrustedKeys.Add(key);
        var validator = new LicenseTokenValidator(options, TimeProvider.System);

        var result = await validator.ValidateAsync(SigningInput + "." + Signature);

        Assert.Equal(LicenseTokenFailure.Malformed, result.Failure);
        Assert.Contains("payload", result.Message, StringComparison.Ordinal);
    }
}
