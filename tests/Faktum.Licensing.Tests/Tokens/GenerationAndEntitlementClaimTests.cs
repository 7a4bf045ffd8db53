using Faktum.Licensing.Tokens;

namespace Faktum.Licensing.Tests.Tokens;

/// <summary>The <c>generation</c> claim (copy detection) and the <c>entitlements</c> a host asks with <see cref="LicenseStatus.HasEntitlement"/>.</summary>
public sealed class GenerationAndEntitlementClaimTests
{
    [Fact]
    public async Task A_generation_round_trips_and_a_token_without_one_reads_as_zero()
    {
        using var fixture = new TokenFixture();
        var with = await fixture.Validator().ValidateAsync(fixture.Issue(c => c with { Generation = 42 }));
        var without = await fixture.Validator().ValidateAsync(fixture.Issue());

        Assert.Equal(42, with.EnsureSuccess().Generation);
        Assert.Equal(0, without.EnsureSuccess().Generation);
        Assert.DoesNotContain("\"generation\"", Forge.DecodeSegment(fixture.Issue(), 1), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("\"7\"")]
    [InlineData("1.5")]
    [InlineData("null")]
    [InlineData("18446744073709551616")]
    public async Task A_generation_that_is_not_a_whole_number_from_zero_up_is_malformed(string value)
    {
        using var fixture = new TokenFixture();
        var payload = Forge.Payload(fixture);
        payload = payload[..^1] + ",\"generation\":" + value + "}";
        var result = await fixture.Validator().ValidateAsync(Forge.Sign(Forge.Header(fixture.Key), payload, fixture.Key));

        Assert.Equal(LicenseTokenFailure.Malformed, result.Failure);
        Assert.Contains("generation", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LicenseState.Licensed, "export", true)]
    [InlineData(LicenseState.OfflineGrace, "export", true)]
    [InlineData(LicenseState.Trial, "Export", false)]
    [InlineData(LicenseState.Trial, "import", false)]
    [InlineData(LicenseState.Expired, "export", false)]
    [InlineData(LicenseState.Duplicated, "export", false)]
    public void Has_entitlement_answers_from_the_token_in_use_and_only_while_the_license_may_be_used(LicenseState state, string name, bool expected)
    {
        using var fixture = new TokenFixture();
        var status = new LicenseStatus { State = state, Claims = fixture.Claims(c => c with { Entitlements = ["export", "multi-currency"] }) };

        Assert.Equal(expected, status.HasEntitlement(name));
        Assert.False(new LicenseStatus { State = LicenseState.Licensed }.HasEntitlement("export"));
        Assert.Throws<ArgumentNullException>(() => status.HasEntitlement(null!));
    }
}
