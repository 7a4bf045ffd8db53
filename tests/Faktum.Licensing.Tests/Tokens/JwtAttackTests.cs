using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Faktum.Licensing.Tokens;

namespace Faktum.Licensing.Tests.Tokens;

/// <summary>
/// The JWT attack catalogue (RFC 8725 and the usual suspects): every forged or bent token is refused with its own reason.
/// </summary>
public class JwtAttackTests
{
    [Theory]
    [InlineData("none")]
    [InlineData("None")]
    [InlineData("NONE")]
    [InlineData("nOnE")]
    public async Task Alg_none_in_any_casing_is_an_unsupported_algorithm(string alg)
    {
        using var fixture = new TokenFixture();
        var token = Forge.Encode(Forge.Header(fixture.Key, alg)) + "." + Forge.Encode(Forge.Payload(fixture)) + ".";

        var result = await fixture.Validator().ValidateAsync(token);

        Assert.Equal(LicenseTokenFailure.UnsupportedAlgorithm, result.Failure);
    }

    [Fact]
    public async Task Empty_signature_is_a_bad_signature()
    {
        using var fixture = new TokenFixture();
        var token = fixture.Issue();
        var stripped = token[..(token.LastIndexOf('.') + 1)];

        var result = await fixture.Validator().ValidateAsync(stripped);

        Assert.Equal(LicenseTokenFailure.BadSignature, result.Failure);
    }

    [Fact]
    public async Task Hs256_with_the_public_key_as_hmac_secret_is_an_unsupported_algorithm()
    {
        using var fixture = new TokenFixture();
        var signingInput = Forge.Encode(Forge.Header(fixture.Key, "HS256")) + "." + Forge.Encode(Forge.Payload(fixture));
        var mac = HMACSHA256.HashData(fixture.Key.PublicKey.ExportPublicKey(), Encoding.ASCII.GetBytes(signingInput));

        var result = await fixture.Validator().ValidateAsync(signingInput + "." + Base64Url.EncodeToString(mac));

        Assert.Equal(LicenseTokenFailure.UnsupportedAlgorithm, result.Failure);
    }

    [Theory]
    [InlineData("RS256")]
    [InlineData("ES256")]
    [InlineData("PS256")]
    [InlineData("ed25519")]
    [InlineData("")]
    public async Task Algorithms_off_the_allow_list_are_refused(string alg)
    {
        using var fixture = new TokenFixture();
        var token = Forge.Sign(Forge.Header(fixture.Key, alg), Forge.Payload(fixture), fixture.Key);

        var result = await fixture.Validator().ValidateAsync(token);

        Assert.Equal(LicenseTokenFailure.UnsupportedAlgorithm, result.Failure);
    }

    [Fact]
    public async Task EdDsa_is_accepted_only_while_the_allow_list_names_it()
    {
        using var fixture = new TokenFixture();
        var token = Forge.Sign(Forge.Header(fixture.Key, "EdDSA"), Forge.Payload(fixture), fixture.Key);

        var accepted = await fixture.Validator().ValidateAsync(token);
        var refused = await fixture.Validator(o => o.AllowedAlgorithms.Remove("EdDSA")).ValidateAsync(token);

        Assert.True(accepted.Succeeded, accepted.Message);
        Assert.Equal(LicenseTokenFailure.UnsupportedAlgorithm, refused.Failure);
    }

    [Fact]
    public async Task Embedded_jwk_of_the_attackers_key_is_never_used()
    {
        using var fixture = new TokenFixture();
        using var attacker = Ed25519SigningKey.Generate();
        var header = Forge.Header(fixture.Key, extra: ",\"jwk\":" + attacker.ExportJwk());

        var result = await fixture.Validator().ValidateAsync(Forge.Sign(header, Forge.Payload(fixture), attacker));

        Assert.Equal(LicenseTokenFailure.UnsupportedHeader, result.Failure);
    }

    [Theory]
    [InlineData(",\"jku\":\"https://attacker.example/jwks.json\"")]
    [InlineData(",\"x5u\":\"https://attacker.example/cert.pem\"")]
    [InlineData(",\"x5c\":[\"MIIBszCCAVmgAwIBAgIU\"]")]
    [InlineData(",\"x5t#S256\":\"abc\"")]
    [InlineData(",\"crit\":[\"exp\"]")]
    [InlineData(",\"b64\":false")]
    [InlineData(",\"zip\":\"DEF\"")]
    public async Task Header_members_we_never_issue_are_refused(string extra)
    {
        using var fixture = new TokenFixture();
        var token = Forge.Sign(Forge.Header(fixture.Key, extra: extra), Forge.Payload(fixture), fixture.Key);

        var result = await fixture.Validator().ValidateAsync(token);

        Assert.Equal(LicenseTokenFailure.UnsupportedHeader, result.Failure);
    }

    [Theory]
    [InlineData("../../../../../../dev/null")]
    [InlineData("/etc/passwd")]
    [InlineData("' OR '1'='1' --")]
    [InlineData("kid\"; DROP TABLE keys;--")]
    [InlineData("")]
    public async Task Kid_path_and_sql_tricks_are_only_an_unknown_key(string kid)
    {
        using var fixture = new TokenFixture();
        var header = $$"""{"alg":"Ed25519","kid":{{System.Text.Json.JsonSerializer.Serialize(kid)}},"typ":"faktum-license+jwt"}""";

        var result = await fixture.Validator().ValidateAsync(Forge.Sign(header, Forge.Payload(fixture), fixture.Key));

        Assert.Equal(LicenseTokenFailure.UnknownKey, result.Failure);
    }

    [Fact]
    public async Task Missing_kid_is_an_unknown_key()
    {
        using var fixture = new TokenFixture();
        const string header = """{"alg":"Ed25519","typ":"faktum-license+jwt"}""";

        var result = await fixture.Validator().ValidateAsync(Forge.Sign(header, Forge.Payload(fixture), fixture.Key));

        Assert.Equal(LicenseTokenFailure.UnknownKey, result.Failure);
    }

    [Fact]
    public async Task Token_signed_by_an_unpinned_key_is_an_unknown_key()
    {
        using var fixture = new TokenFixture();
        using var other = Ed25519SigningKey.Generate();

        var result = await fixture.Validator().ValidateAsync(new LicenseTokenIssuer(other).Issue(fixture.Claims()));

        Assert.Equal(LicenseTokenFailure.UnknownKey, result.Failure);
    }

    [Fact]
    public async Task Token_signed_by_another_key_under_a_pinned_kid_is_a_bad_signature()
    {
        using var fixture = new TokenFixture();
        using var other = Ed25519SigningKey.Generate();

        var result = await fixture.Validator().ValidateAsync(Forge.Sign(Forge.Header(fixture.Key), Forge.Payload(fixture), other));

        Assert.Equal(LicenseTokenFailure.BadSignature, result.Failure);
    }

    [Fact]
    public async Task Rotated_keys_both_verify_each_under_its_own_kid()
    {
        using var fixture = new TokenFixture();
        using var next = Ed25519SigningKey.Generate();
        var validator = fixture.Validator(o => o.TrustedKeys.Add(next.PublicKey));

        var old = await validator.ValidateAsync(fixture.Issue());
        var rotated = await validator.ValidateAsync(new LicenseTokenIssuer(next).Issue(fixture.Claims()));

        Assert.True(old.Succeeded, old.Message);
        Assert.True(rotated.Succeeded, rotated.Message);
    }

    [Theory]
    [InlineData("JWT")]
    [InlineData("faktum-startup+jwt")]
    [InlineData("FAKTUM-LICENSE+JWT")]
    public async Task Wrong_typ_is_a_wrong_type(string typ)
    {
        using var fixture = new TokenFixture();
        var token = Forge.Sign(Forge.Header(fixture.Key, typ: typ), Forge.Payload(fixture), fixture.Key);

        var result = await fixture.Validator().ValidateAsync(token);

        Assert.Equal(LicenseTokenFailure.WrongType, result.Failure);
    }

    [Fact]
    public async Task Missing_typ_is_a_wrong_type()
    {
        using var fixture = new TokenFixture();
        var header = $$"""{"alg":"Ed25519","kid":"{{fixture.Key.KeyId}}"}""";

        var result = await fixture.Validator().ValidateAsync(Forge.Sign(header, Forge.Payload(fixture), fixture.Key));

        Assert.Equal(LicenseTokenFailure.WrongType, result.Failure);
    }

    [Fact]
    public async Task Wrong_issuer_is_refused()
    {
        using var fixture = new TokenFixture();

        var result = await fixture.Validator().ValidateAsync(fixture.Issue(c => c with { Issuer = "https://evil.example" }));

        Assert.Equal(LicenseTokenFailure.WrongIssuer, result.Failure);
    }

    [Fact]
    public async Task Wrong_audience_is_refused()
    {
        using var fixture = new TokenFixture();

        var result = await fixture.Validator().ValidateAsync(fixture.Issue(c => c with { ProductId = "another-product" }));

        Assert.Equal(LicenseTokenFailure.WrongAudience, result.Failure);
    }

    [Fact]
    public async Task Wrong_issuer_and_wrong_audience_together_is_a_wrong_issuer()
    {
        using var fixture = new TokenFixture();

        var result = await fixture.Validator().ValidateAsync(fixture.Issue(c => c with { Issuer = "https://evil.example", ProductId = "another-product" }));

        Assert.Equal(LicenseTokenFailure.WrongIssuer, result.Failure);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("42")]
    [InlineData("[\"https://licenses.example.test\"]")]
    [InlineData("\"https://licenses.example.test/\"")]
    [InlineData("\"HTTPS://LICENSES.EXAMPLE.TEST\"")]
    public async Task Issuer_that_is_not_exactly_the_expected_string_is_a_wrong_issuer(string iss)
    {
        using var fixture = new TokenFixture();
        var payload = ChangeClaim(Forge.Payload(fixture), "iss", iss);

        var result = await fixture.Validator().ValidateAsync(Forge.Sign(Forge.Header(fixture.Key), payload, fixture.Key));

        Assert.Equal(LicenseTokenFailure.WrongIssuer, result.Failure);
    }

    [Fact]
    public async Task Missing_issuer_is_a_wrong_issuer()
    {
        using var fixture = new TokenFixture();
        var payload = ChangeClaim(Forge.Payload(fixture), "iss", null);

        var result = await fixture.Validator().ValidateAsync(Forge.Sign(Forge.Header(fixture.Key), payload, fixture.Key));

        Assert.Equal(LicenseTokenFailure.WrongIssuer, result.Failure);
    }

    [Theory]
    [InlineData("[\"faktum-factuur\"]")]
    [InlineData("[\"faktum-factuur\",\"another-product\"]")]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("\"faktum-factuur \"")]
    public async Task Audience_that_is_not_exactly_the_product_string_is_a_wrong_audience(string aud)
    {
        using var fixture = new TokenFixture();
        var payload = ChangeClaim(Forge.Payload(fixture), "aud", aud);

        var result = await fixture.Validator().ValidateAsync(Forge.Sign(Forge.Header(fixture.Key), payload, fixture.Key));

        Assert.Equal(LicenseTokenFailure.WrongAudience, result.Failure);
    }

    [Fact]
    public async Task Missing_audience_is_a_wrong_audience()
    {
        using var fixture = new TokenFixture();
        var payload = ChangeClaim(Forge.Payload(fixture), "aud", null);

        var result = await fixture.Validator().ValidateAsync(Forge.Sign(Forge.Header(fixture.Key), payload, fixture.Key));

        Assert.Equal(LicenseTokenFailure.WrongAudience, result.Failure);
    }

    [Fact]
    public async Task Issuer_and_audience_are_compared_after_json_unescaping()
    {
        using var fixture = new TokenFixture();
        var payload = Forge.Payload(fixture)
            .Replace("\"https://licenses.example.test\"", "\"https:\\/\\/licenses.example.test\"", StringComparison.Ordinal)
            .Replace("\"faktum-factuur\"", "\"faktum\\u002Dfactuur\"", StringComparison.Ordinal);
        Assert.Contains("\\u002D", payload, StringComparison.Ordinal);

        var result = await fixture.Validator().ValidateAsync(Forge.Sign(Forge.Header(fixture.Key), payload, fixture.Key));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(TokenFixture.Issuer, result.Claims.Issuer);
        Assert.Equal(TokenFixture.Product, result.Claims.ProductId);
    }

    [Fact]
    public async Task Signature_made_over_another_header_is_a_bad_signature()
    {
        using var fixture = new TokenFixture();
        var payload = Forge.Payload(fixture);
        var signed = Forge.Sign(Forge.Header(fixture.Key), payload, fixture.Key).Split('.');
        var otherHeaders = new[]
        {
            Forge.Header(fixture.Key, "EdDSA"),
            $$"""{"typ":"faktum-license+jwt","kid":"{{fixture.Key.KeyId}}","alg":"Ed25519"}""",
            Forge.Header(fixture.Key) + " ",
        };

        foreach (var header in otherHeaders)
        {
            var result = await fixture.Validator().ValidateAsync($"{Forge.Encode(header)}.{signed[1]}.{signed[2]}");

            Assert.Equal(LicenseTokenFailure.BadSignature, result.Failure);
        }
    }

    [Fact]
    public async Task Signature_of_another_valid_token_is_a_bad_signature()
    {
        using var fixture = new TokenFixture();
        var first = fixture.Issue().Split('.');
        var second = fixture.Issue(c => c with { Kind = LicenseKind.Paid }).Split('.');

        var result = await fixture.Validator().ValidateAsync($"{second[0]}.{second[1]}.{first[2]}");

        Assert.Equal(LicenseTokenFailure.BadSignature, result.Failure);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(-32)]
    [InlineData(-63)]
    [InlineData(1)]
    [InlineData(64)]
    public async Task Signature_one_byte_short_or_long_is_a_bad_signature(int change)
    {
        using var fixture = new TokenFixture();
        var token = fixture.Issue();
        var cut = token.LastIndexOf('.') + 1;
        var signature = Base64Url.DecodeFromChars(token.AsSpan(cut));
        byte[] bent = change < 0 ? signature[..^(-change)] : [.. signature, .. new byte[change]];

        var result = await fixture.Validator().ValidateAsync(token[..cut] + Base64Url.EncodeToString(bent));

        Assert.Equal(LicenseTokenFailure.BadSignature, result.Failure);
    }

    [Fact]
    public async Task Allow_list_naming_an_algorithm_no_ed25519_key_can_verify_still_refuses_it()
    {
        using var fixture = new TokenFixture();
        var signingInput = Forge.Encode(Forge.Header(fixture.Key, "HS256")) + "." + Forge.Encode(Forge.Payload(fixture));
        var mac = HMACSHA256.HashData(fixture.Key.PublicKey.ExportPublicKey(), Encoding.ASCII.GetBytes(signingInput));

        var result = await fixture.Validator(o => o.AllowedAlgorithms.Add("HS256")).ValidateAsync(signingInput + "." + Base64Url.EncodeToString(mac));

        Assert.Equal(LicenseTokenFailure.UnsupportedAlgorithm, result.Failure);
    }

    [Fact]
    public async Task Header_written_with_json_escapes_is_read_as_its_unescaped_text()
    {
        using var fixture = new TokenFixture();
        var header = $$"""{"\u0061lg":"Ed\u0032\u0035519","kid":"{{fixture.Key.KeyId}}","typ":"faktum-license\u002Bjwt"}""";

        var result = await fixture.Validator().ValidateAsync(Forge.Sign(header, Forge.Payload(fixture), fixture.Key));

        Assert.True(result.Succeeded, result.Message);
    }

    [Fact]
    public async Task Duplicate_header_member_spelled_with_an_escape_is_malformed()
    {
        using var fixture = new TokenFixture();
        var header = $$"""{"alg":"Ed25519","\u0061lg":"Ed25519","kid":"{{fixture.Key.KeyId}}","typ":"faktum-license+jwt"}""";

        var result = await fixture.Validator().ValidateAsync(Forge.Sign(header, Forge.Payload(fixture), fixture.Key));

        Assert.Equal(LicenseTokenFailure.Malformed, result.Failure);
    }

    [Fact]
    public async Task Duplicate_member_nested_inside_a_refused_header_member_is_malformed()
    {
        using var fixture = new TokenFixture();
        var header = Forge.Header(fixture.Key, extra: ",\"jwk\":{\"kty\":\"OKP\",\"kty\":\"RSA\"}");

        var result = await fixture.Validator().ValidateAsync(Forge.Sign(header, Forge.Payload(fixture), fixture.Key));

        Assert.Equal(LicenseTokenFailure.Malformed, result.Failure);
    }

    [Theory]
    [InlineData("{\"alg\":5,\"kid\":\"{kid}\",\"typ\":\"faktum-license+jwt\"}", LicenseTokenFailure.UnsupportedAlgorithm)]
    [InlineData("{\"alg\":null,\"kid\":\"{kid}\",\"typ\":\"faktum-license+jwt\"}", LicenseTokenFailure.UnsupportedAlgorithm)]
    [InlineData("{\"kid\":\"{kid}\",\"typ\":\"faktum-license+jwt\"}", LicenseTokenFailure.UnsupportedAlgorithm)]
    [InlineData("{\"alg\":\"Ed25519\",\"kid\":\"{kid}\",\"typ\":[\"faktum-license+jwt\"]}", LicenseTokenFailure.WrongType)]
    [InlineData("{\"alg\":\"Ed25519\",\"kid\":[\"{kid}\"],\"typ\":\"faktum-license+jwt\"}", LicenseTokenFailure.UnknownKey)]
    [InlineData("{\"alg\":\"Ed25519\",\"kid\":\"{kid}\",\"typ\":\"faktum-license+jwt\"} {}", LicenseTokenFailure.Malformed)]
    [InlineData("{\"alg\":\"Ed25519\",\"kid\":\"{kid}\",\"typ\":\"faktum-license+jwt\",}", LicenseTokenFailure.Malformed)]
    [InlineData("{\"alg\":\"Ed25519\",\"kid\":\"{kid}\",\"typ\":\"faktum-license+jwt\"/**/}", LicenseTokenFailure.Malformed)]
    public async Task Header_member_of_the_wrong_json_type_or_stray_text_is_refused(string header, LicenseTokenFailure expected)
    {
        using var fixture = new TokenFixture();

        var token = Forge.Sign(header.Replace("{kid}", fixture.Key.KeyId, StringComparison.Ordinal), Forge.Payload(fixture), fixture.Key);
        var result = await fixture.Validator().ValidateAsync(token);

        Assert.Equal(expected, result.Failure);
    }

    [Fact]
    public async Task Pinned_key_with_a_very_long_kid_still_verifies()
    {
        using var fixture = new TokenFixture();
        var pinned = fixture.Key.PublicKey;
        pinned.KeyId = new string('k', 300);
        var validator = new LicenseTokenValidator(new LicenseTokenValidationOptions { Issuer = TokenFixture.Issuer, ProductId = TokenFixture.Product, TrustedKeys = { pinned } }, fixture.Time);
        var header = $$"""{"alg":"Ed25519","kid":"{{pinned.KeyId}}","typ":"faktum-license+jwt"}""";

        var result = await validator.ValidateAsync(Forge.Sign(header, Forge.Payload(fixture), fixture.Key));

        Assert.True(result.Succeeded, result.Message);
    }

    [Theory]
    [InlineData("{\"alg\":\"\\uD800\",\"kid\":\"{kid}\",\"typ\":\"faktum-license+jwt\"}")]
    [InlineData("{\"alg\":\"Ed25519\",\"kid\":\"\\uDC00{kid}\",\"typ\":\"faktum-license+jwt\"}")]
    [InlineData("{\"alg\":\"Ed25519\",\"kid\":\"{kid}\",\"typ\":\"faktum-license+jwt\\uD83D\"}")]
    [InlineData("{\"alg\":\"Ed25519\",\"kid\":\"{kid}\",\"typ\":\"faktum-license+jwt\",\"\\uD800\":1}")]
    [InlineData("{\"\\uDFFF\":1,\"alg\":\"Ed25519\",\"kid\":\"{kid}\",\"typ\":\"faktum-license+jwt\"}")]
    [InlineData("{\"alg\":\"Ed25519\",\"kid\":\"{kid}\",\"typ\":\"faktum-license+jwt\",\"jwk\":{\"x\":[\"\\uD800\"]}}")]
    public async Task Lone_surrogate_escape_in_the_header_is_malformed_not_an_exception(string header)
    {
        using var fixture = new TokenFixture();

        var token = Forge.Sign(header.Replace("{kid}", fixture.Key.KeyId, StringComparison.Ordinal), Forge.Payload(fixture), fixture.Key);
        var result = await fixture.Validator().ValidateAsync(token);

        Assert.Equal(LicenseTokenFailure.Malformed, result.Failure);
        Assert.Contains("UTF-16", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"sub\":\"lic_01\"", "\"sub\":\"lic_\\uD800\"")]
    [InlineData("\"sub\":\"lic_01\"", "\"sub\":\"lic_01\",\"\\uDC00\":1")]
    [InlineData("\"sub\":\"lic_01\"", "\"sub\":\"lic_01\",\"x\":{\"\\uD800\":1,\"\\uD800\":2}")]
    [InlineData("\"country\":\"NL\"", "\"country\":\"NL\\uD83D\\u0041\"")]
    public async Task Lone_surrogate_escape_in_a_signed_payload_is_malformed_not_an_exception(string claim, string bent)
    {
        using var fixture = new TokenFixture();
        var payload = Forge.Payload(fixture).Replace(claim, bent, StringComparison.Ordinal);
        Assert.Contains(bent, payload, StringComparison.Ordinal);

        var result = await fixture.Validator().ValidateAsync(Forge.Sign(Forge.Header(fixture.Key), payload, fixture.Key));

        Assert.Equal(LicenseTokenFailure.Malformed, result.Failure);
        Assert.Contains("UTF-16", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Company_name_with_a_surrogate_pair_reads_back_exactly()
    {
        using var fixture = new TokenFixture();
        const string name = "Bakkerij \U0001F950 Jansen B.V.";
        var token = fixture.Issue(c => c with { Company = c.Company with { Name = name } });
        Assert.Contains("\\uD83E\\uDD50", Forge.DecodeSegment(token, 1), StringComparison.OrdinalIgnoreCase);

        var result = await fixture.Validator().ValidateAsync(token);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(name, result.Claims.Company.Name);
    }

    [Fact]
    public async Task Expired_token_is_refused_once_past_the_clock_skew()
    {
        using var fixture = new TokenFixture();
        var token = fixture.Issue();
        var validator = fixture.Validator();

        fixture.Time.Advance(TimeSpan.FromDays(30) + TimeSpan.FromMinutes(4));
        var withinSkew = await validator.ValidateAsync(token);
        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        var expired = await validator.ValidateAsync(token);

        Assert.True(withinSkew.Succeeded, withinSkew.Message);
        Assert.Equal(LicenseTokenFailure.Expired, expired.Failure);
    }

    [Fact]
    public async Task Token_from_the_future_is_not_yet_valid()
    {
        using var fixture = new TokenFixture();
        var token = fixture.Issue(c => c with { NotBefore = c.NotBefore.AddMinutes(6) });

        var result = await fixture.Validator().ValidateAsync(token);

        Assert.Equal(LicenseTokenFailure.NotYetValid, result.Failure);
    }

    [Fact]
    public async Task Lifetime_is_ignored_only_when_the_options_say_so()
    {
        using var fixture = new TokenFixture();
        var token = fixture.Issue();
        fixture.Time.Advance(TimeSpan.FromDays(400));

        var result = await fixture.Validator(o => o.ValidateLifetime = false).ValidateAsync(token);

        Assert.True(result.Succeeded, result.Message);
    }

    [Fact]
    public async Task Duplicate_header_member_is_malformed()
    {
        using var fixture = new TokenFixture();
        var header = $$"""{"alg":"Ed25519","alg":"none","kid":"{{fixture.Key.KeyId}}","typ":"faktum-license+jwt"}""";

        var result = await fixture.Validator().ValidateAsync(Forge.Sign(header, Forge.Payload(fixture), fixture.Key));

        Assert.Equal(LicenseTokenFailure.Malformed, result.Failure);
    }

    [Fact]
    public async Task Duplicate_payload_member_is_malformed()
    {
        using var fixture = new TokenFixture();
        var payload = Forge.Payload(fixture).Replace("\"sub\":\"lic_01\"", "\"sub\":\"lic_01\",\"sub\":\"lic_02\"", StringComparison.Ordinal);

        var result = await fixture.Validator().ValidateAsync(Forge.Sign(Forge.Header(fixture.Key), payload, fixture.Key));

        Assert.Contains("\"sub\":\"lic_02\"", payload, StringComparison.Ordinal);
        Assert.Equal(LicenseTokenFailure.Malformed, result.Failure);
    }

    [Fact]
    public async Task Duplicate_member_inside_the_company_object_is_malformed()
    {
        using var fixture = new TokenFixture();
        var payload = Forge.Payload(fixture).Replace("\"country\":\"NL\"", "\"country\":\"NL\",\"country\":\"BE\"", StringComparison.Ordinal);

        var result = await fixture.Validator().ValidateAsync(Forge.Sign(Forge.Header(fixture.Key), payload, fixture.Key));

        Assert.Equal(LicenseTokenFailure.Malformed, result.Failure);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"a string\"")]
    [InlineData("42")]
    [InlineData("null")]
    [InlineData("")]
    public async Task Payload_that_is_not_a_json_object_is_malformed(string payload)
    {
        using var fixture = new TokenFixture();

        var result = await fixture.Validator().ValidateAsync(Forge.Sign(Forge.Header(fixture.Key), payload, fixture.Key));

        Assert.Equal(LicenseTokenFailure.Malformed, result.Failure);
    }

    [Theory]
    [InlineData("sub")]
    [InlineData("exp")]
    [InlineData("installation")]
    [InlineData("company")]
    public async Task Missing_required_claim_is_malformed(string claim)
    {
        using var fixture = new TokenFixture();
        using var document = System.Text.Json.JsonDocument.Parse(Forge.Payload(fixture));
        var trimmed = System.Text.Json.JsonSerializer.Serialize(
            document.RootElement.EnumerateObject().Where(p => p.Name != claim).ToDictionary(p => p.Name, p => p.Value));

        var result = await fixture.Validator().ValidateAsync(Forge.Sign(Forge.Header(fixture.Key), trimmed, fixture.Key));

        Assert.Equal(LicenseTokenFailure.Malformed, result.Failure);
        Assert.Contains(claim, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Padded_base64url_is_malformed()
    {
        using var fixture = new TokenFixture();
        var parts = fixture.Issue().Split('.');

        var results = new[]
        {
            await fixture.Validator().ValidateAsync($"{parts[0]}=.{parts[1]}.{parts[2]}"),
            await fixture.Validator().ValidateAsync($"{parts[0]}.{parts[1]}.{parts[2]}=="),
        };

        Assert.All(results, r => Assert.Equal(LicenseTokenFailure.Malformed, r.Failure));
    }

    [Fact]
    public async Task Non_canonical_base64url_of_the_same_signature_bytes_is_malformed()
    {
        using var fixture = new TokenFixture();
        var token = fixture.Issue();
        var parts = token.Split('.');
        // 64 signature bytes take 86 characters; the last one carries 4 unused bits. Setting one gives the same bytes.
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var last = alphabet.IndexOf(parts[2][^1], StringComparison.Ordinal);
        var bent = parts[2][..^1] + alphabet[last | 1];
        Assert.Equal(LenientDecode(parts[2]), LenientDecode(bent));

        var result = await fixture.Validator().ValidateAsync($"{parts[0]}.{parts[1]}.{bent}");

        Assert.NotEqual(parts[2], bent);
        Assert.Equal(LicenseTokenFailure.Malformed, result.Failure);
    }

    [Fact]
    public async Task Standard_base64_alphabet_is_malformed()
    {
        using var fixture = new TokenFixture();
        // Issue until the signature holds a '-' or '_' (nearly always the first time), so the alphabets differ.
        var parts = Enumerable.Range(0, 100).Select(_ => fixture.Issue().Split('.')).First(p => p[2].AsSpan().IndexOfAny('-', '_') >= 0);
        var standard = Convert.ToBase64String(Base64Url.DecodeFromChars(parts[2])).TrimEnd('=');
        Assert.NotEqual(parts[2], standard);

        var result = await fixture.Validator().ValidateAsync($"{parts[0]}.{parts[1]}.{standard}");

        Assert.Equal(LicenseTokenFailure.Malformed, result.Failure);
    }

    [Theory]
    [InlineData(".extra")]
    [InlineData("..")]
    [InlineData(".a.b")]
    public async Task Extra_segments_are_malformed(string suffix)
    {
        using var fixture = new TokenFixture();

        var result = await fixture.Validator().ValidateAsync(fixture.Issue() + suffix);

        Assert.Equal(LicenseTokenFailure.Malformed, result.Failure);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("a.b")]
    [InlineData("..")]
    [InlineData(".e30.")]
    public async Task Too_few_or_empty_segments_are_malformed(string token)
    {
        using var fixture = new TokenFixture();

        var result = await fixture.Validator().ValidateAsync(token);

        Assert.Equal(LicenseTokenFailure.Malformed, result.Failure);
    }

    [Fact]
    public async Task Oversize_token_is_malformed_before_any_parsing()
    {
        using var fixture = new TokenFixture();
        var token = fixture.Issue(c => c with { Entitlements = Enumerable.Range(0, 400).Select(i => $"feature-{i}").ToArray() });
        Assert.True(token.Length > 4096);

        var result = await fixture.Validator().ValidateAsync(token);

        Assert.Equal(LicenseTokenFailure.Malformed, result.Failure);
        Assert.Contains("longer than 4096", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_of_another_company_is_a_company_mismatch()
    {
        using var fixture = new TokenFixture();

        var result = await fixture.Validator().ValidateAsync(fixture.Issue(), new LicenseBinding(CompanyIdentityKey: "NL:1234AB:bakkerij janssen"));

        Assert.Equal(LicenseTokenFailure.CompanyMismatch, result.Failure);
    }

    [Fact]
    public async Task Token_of_another_installation_is_an_installation_mismatch()
    {
        using var fixture = new TokenFixture();

        var result = await fixture.Validator().ValidateAsync(fixture.Issue(), new LicenseBinding(InstallationId: "inst_02"));

        Assert.Equal(LicenseTokenFailure.InstallationMismatch, result.Failure);
    }

    [Fact]
    public async Task Failure_message_never_contains_the_token()
    {
        using var fixture = new TokenFixture();
        var token = fixture.Issue(c => c with { Issuer = "wrong" });

        var result = await fixture.Validator().ValidateAsync(token);

        Assert.False(result.Succeeded);
        Assert.DoesNotContain(token.Split('.')[1], result.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => result.EnsureSuccess());
    }

    // Sets (or with null removes) one top-level claim, its value given as JSON.
    private static string ChangeClaim(string payload, string name, string? json)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(payload)!.AsObject();
        node.Remove(name);
        if (json is not null)
        {
            node[name] = System.Text.Json.Nodes.JsonNode.Parse(json);
        }

        return node.ToJsonString();
    }

    // Convert.FromBase64String ignores unused bits: what a lenient decoder would accept.
    private static byte[] LenientDecode(string base64Url)
    {
        var standard = base64Url.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(standard.PadRight(standard.Length + ((4 - (standard.Length % 4)) % 4), '='));
    }
}
