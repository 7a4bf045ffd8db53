using Faktum.Licensing.Protocol;

namespace Faktum.Licensing.Tests.Protocol;

public class LicenseVerdictNamesTests
{
    [Theory]
    [InlineData(nameof(LicenseVerdict.Licensed), "licensed")]
    [InlineData(nameof(LicenseVerdict.Trial), "trial")]
    [InlineData(nameof(LicenseVerdict.TrialExpired), "trial-expired")]
    [InlineData(nameof(LicenseVerdict.Expired), "expired")]
    [InlineData(nameof(LicenseVerdict.Suspended), "suspended")]
    [InlineData(nameof(LicenseVerdict.Revoked), "revoked")]
    [InlineData(nameof(LicenseVerdict.Moved), "moved")]
    [InlineData(nameof(LicenseVerdict.Duplicated), "duplicated")]
    [InlineData(nameof(LicenseVerdict.Unknown), "unknown")]
    public void Each_verdict_has_its_documented_wire_name_both_ways(string name, string wire)
    {
        var verdict = Enum.Parse<LicenseVerdict>(name);
        Assert.Equal(wire, verdict.ToWire());
        Assert.True(LicenseVerdictNames.TryParse(wire, out var parsed));
        Assert.Equal(verdict, parsed);
    }

    [Fact]
    public void Every_verdict_has_a_distinct_wire_name()
    {
        var names = Enum.GetValues<LicenseVerdict>().Select(v => v.ToWire()).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Licensed")]
    [InlineData("LICENSED")]
    [InlineData(" licensed")]
    [InlineData("trial_expired")]
    [InlineData("TrialExpired")]
    [InlineData("active")]
    public void Any_other_spelling_is_not_a_verdict(string? wire) => Assert.False(LicenseVerdictNames.TryParse(wire, out _));

    [Fact]
    public void A_value_outside_the_enum_has_no_wire_name() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ((LicenseVerdict)99).ToWire());
}
