using System.Text;
using System.Text.Json;
using Faktum.Licensing.Tokens;

namespace Faktum.Licensing.Tests.Tokens;

/// <summary>The parts of the JWS core that the attack catalogue reaches only indirectly.</summary>
public class SignedJwtTests
{
    // {kid} is the fixture key's kid. Headers the allocation-free reader handles, and headers it hands to the full parse.
    public static TheoryData<string> Headers => new()
    {
        """{"alg":"Ed25519","kid":"{kid}","typ":"faktum-license+jwt"}""",
        """{"typ":"faktum-license+jwt","kid":"{kid}","alg":"EdDSA"}""",
        """{"\u0061lg":"Ed\u0032\u0035519","k\u0069d":"{kid}","typ":"faktum-license\u002Bjwt"}""",
        """ { "alg" : "Ed25519" , "kid" : "{kid}" , "typ" : "faktum-license+jwt" } """,
        """{"alg":"Ed25519","kid":"{kid}"}""",
        """{"alg":"Ed25519","typ":"faktum-license+jwt"}""",
        """{"kid":"{kid}","typ":"faktum-license+jwt"}""",
        """{}""",
        """{"alg":"none","kid":"{kid}","typ":"faktum-license+jwt"}""",
        """{"alg":"ED25519","kid":"{kid}","typ":"faktum-license+jwt"}""",
        """{"alg":"Ed25519 ","kid":"{kid}","typ":"faktum-license+jwt"}""",
        """{"alg":"Ed25519","kid":"{kid}","typ":"FAKTUM-LICENSE+JWT"}""",
        """{"alg":"Ed25519","kid":"{kid}x","typ":"faktum-license+jwt"}""",
        """{"alg":"Ed25519","kid":"","typ":"faktum-license+jwt"}""",
        """{"alg":"Ed25519","kid":"{long}","typ":"faktum-license+jwt"}""",
        """{"alg":"{long}","kid":"{kid}","typ":"faktum-license+jwt"}""",
        """{"alg":"Ed25519","kid":"{kid}","typ":"{long}"}""",
        """{"alg":5,"kid":"{kid}","typ":"faktum-license+jwt"}""",
        """{"alg":"Ed25519","kid":null,"typ":"faktum-license+jwt"}""",
        """{"alg":"Ed25519","kid":"{kid}","typ":{"v":"faktum-license+jwt"}}""",
        """{"alg":"Ed25519","alg":"Ed25519","kid":"{kid}","typ":"faktum-license+jwt"}""",
        """{"alg":"Ed25519","kid":"{kid}","kid":"{kid}","typ":"faktum-license+jwt"}""",
        """{"alg":"Ed25519","kid":"{kid}","typ":"faktum-license+jwt","typ":"faktum-license+jwt"}""",
        """{"alg":"Ed25519","kid":"{kid}","typ":"faktum-license+jwt","\u0074yp":"x"}""",
        """{"alg":"Ed25519","alg":5,"kid":"{kid}","typ":"faktum-license+jwt"}""",
        """{"alg":"Ed25519","kid":"{kid}","typ":"faktum-license+jwt","jwk":{}}""",
        """{"jku":"https://attacker.example","alg":"Ed25519","kid":"{kid}","typ":"faktum-license+jwt"}""",
        """{"alg":"none","kid":"{kid}","typ":"faktum-license+jwt","crit":["exp"]}""",
        """{"alg":"Ed25519","kid":"{kid}","typ":"JWT","x5c":["a"]}""",
        """{"alg":"Ed25519","kid":"{kid}","typ":"faktum-license+jwt","jwk":{"a":1,"a":2}}""",
        """{"alg":"Ed25519","x":1,"kid":"{kid}","x":2,"typ":"faktum-license+jwt"}""",
    };

    [Theory]
    [MemberData(nameof(Headers))]
    public void Header_reader_and_full_parse_agree_on_every_header(string template)
    {
        using var fixture = new TokenFixture();
        var jwt = new SignedJwt(LicenseTokenValidationOptions.LicenseTokenType, TokenFixture.Issuer, TokenFixture.Product, [fixture.Key.PublicKey], [SigningAlgorithms.Ed25519, SigningAlgorithms.EdDsa], 4096);
        var header = Encoding.UTF8.GetBytes(template.Replace("{kid}", fixture.Key.KeyId, StringComparison.Ordinal).Replace("{long}", new string('k', 300), StringComparison.Ordinal));
        Assert.Null(StrictJson.CheckObject(header));

        var read = jwt.CheckHeader(header);
        var parsed = jwt.CheckHeaderFully(header);

        Assert.Equal((parsed.Failure, parsed.Message, parsed.Key?.KeyId, parsed.Algorithm), (read.Failure, read.Message, read.Key?.KeyId, read.Algorithm));
    }

    [Theory]
    [InlineData("plain")]
    [InlineData(@"\n\t\b\f\r\/\""\\")]
    [InlineData(@"\u0041\u00e9\u00E9\u20AC")]
    [InlineData(@"\uD83D\uDE00")]
    [InlineData(@"\udbff\udfff")]
    [InlineData(@"\uD7FF\uE000\uFFFF")]
    [InlineData(@"\\uD800")]
    [InlineData(@"\\\\uDC00")]
    [InlineData(@"\uD800")]
    [InlineData(@"\uDC00")]
    [InlineData(@"\uDFFF\uD800")]
    [InlineData(@"\uD83D")]
    [InlineData(@"\uD83Dx")]
    [InlineData(@"\uD83D\n")]
    [InlineData(@"\uD83D\uD83D")]
    [InlineData(@"\uD83D\u0041")]
    [InlineData(@"\uD83D\\uDE00")]
    [InlineData(@"\\\uD800")]
    [InlineData(@"a\uD83D\uDE00\uDE00")]
    public void Escape_check_agrees_with_what_system_text_json_can_unescape(string raw)
    {
        var json = Encoding.UTF8.GetBytes($"\"{raw}\"");
        var reader = new Utf8JsonReader(json);
        Assert.True(reader.Read());

        var checkedValid = StrictJson.EscapesAreValidUtf16(reader.ValueSpan);

        Assert.Equal(CanUnescape(json), checkedValid);
    }

    [Fact]
    public void Payload_cannot_be_read_once_disposed_and_disposing_twice_is_harmless()
    {
        using var fixture = new TokenFixture();
        var jwt = new SignedJwt(LicenseTokenValidationOptions.LicenseTokenType, TokenFixture.Issuer, TokenFixture.Product, [fixture.Key.PublicKey], [SigningAlgorithms.Ed25519], 4096);
        var (failure, message, payload) = jwt.Validate(fixture.Issue());
        Assert.True(failure == LicenseTokenFailure.None, message);
        var kept = payload!.RootElement.GetProperty("company").Clone();

        payload.Dispose();
        payload.Dispose();

        Assert.Throws<ObjectDisposedException>(() => payload.RootElement.GetProperty("sub"));
        Assert.Equal("NL", kept.GetProperty("country").GetString());
    }

    [Fact]
    public void Signed_object_of_another_type_with_an_audience_array_is_a_wrong_audience()
    {
        using var fixture = new TokenFixture();
        const string type = "faktum-startup+jwt";
        var jwt = new SignedJwt(type, TokenFixture.Issuer, TokenFixture.Product, [fixture.Key.PublicKey], [SigningAlgorithms.Ed25519], 16384);
        var good = JwsSigner.Sign(type, $$"""{"iss":"{{TokenFixture.Issuer}}","aud":"{{TokenFixture.Product}}"}""", fixture.Key);
        var array = JwsSigner.Sign(type, $$"""{"iss":"{{TokenFixture.Issuer}}","aud":["{{TokenFixture.Product}}"]}""", fixture.Key);

        var accepted = jwt.Validate(good);
        var refused = jwt.Validate(array);
        accepted.Payload?.Dispose();

        Assert.Equal(LicenseTokenFailure.None, accepted.Failure);
        Assert.Equal(LicenseTokenFailure.WrongAudience, refused.Failure);
        Assert.Null(refused.Payload);
    }

    private static bool CanUnescape(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        try
        {
            _ = reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
