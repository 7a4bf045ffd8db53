using Faktum.Licensing.Tokens;

namespace Faktum.Licensing.Tests.Tokens;

public class LicenseTokenRoundTripTests
{
    [Fact]
    public async Task Issued_token_validates_with_the_pinned_public_key_and_keeps_every_claim()
    {
        using var fixture = new TokenFixture();
        var claims = fixture.Claims();
        var token = new LicenseTokenIssuer(fixture.Key).Issue(claims);

        var result = await fixture.Validator().ValidateAsync(token, new LicenseBinding("NL:1234AB:bakkerij jansen", "inst_01"));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(claims with { Entitlements = result.Claims.Entitlements }, result.Claims);
        Assert.Equal(claims.Entitlements, result.Claims.Entitlements);
    }

    [Fact]
    public void Issued_token_header_is_exactly_alg_Ed25519_kid_thumbprint_and_the_license_type()
    {
        using var fixture = new TokenFixture();
        var token = fixture.Issue();

        var header = System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(token.Split('.')[0]));

        using var json = System.Text.Json.JsonDocument.Parse(header);
        var members = json.RootElement.EnumerateObject().Select(m => m.Name).Order().ToArray();
        Assert.Equal(["alg", "kid", "typ"], members);
        Assert.Equal("Ed25519", json.RootElement.GetProperty("alg").GetString());
        Assert.Equal("faktum-license+jwt", json.RootElement.GetProperty("typ").GetString());
        Assert.Equal(fixture.Key.KeyId, json.RootElement.GetProperty("kid").GetString());
    }
}
