using Faktum.Licensing.Protocol;

namespace Faktum.Licensing.Tests.Protocol;

public class LicenseRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(30 * 24 * 60, 30)]
    [InlineData(29 * 24 * 60 + 1, 30)]
    [InlineData(24 * 60, 1)]
    [InlineData(1, 1)]
    [InlineData(0, 0)]
    [InlineData(-1, 0)]
    [InlineData(-5 * 24 * 60, 0)]
    public void Days_left_round_a_part_of_a_day_up_and_never_go_below_zero(int minutesLeft, int expected) =>
        Assert.Equal(expected, LicenseRules.DaysLeft(Now.AddMinutes(minutesLeft), Now));

    [Fact]
    public void Without_an_end_there_are_no_days_left_to_count() => Assert.Null(LicenseRules.DaysLeft((DateTimeOffset?)null, Now));

    [Fact]
    public void A_license_ends_at_its_end_instant_not_a_tick_later()
    {
        Assert.False(LicenseRules.HasEnded(Now.AddTicks(1), Now));
        Assert.True(LicenseRules.HasEnded(Now, Now));
        Assert.True(LicenseRules.HasEnded(Now.AddTicks(-1), Now));
        Assert.False(LicenseRules.HasEnded(null, Now));
    }

    [Theory]
    [InlineData(nameof(LicenseVerdict.Licensed), false)]
    [InlineData(nameof(LicenseVerdict.Trial), false)]
    [InlineData(nameof(LicenseVerdict.TrialExpired), true)]
    [InlineData(nameof(LicenseVerdict.Expired), true)]
    [InlineData(nameof(LicenseVerdict.Suspended), true)]
    [InlineData(nameof(LicenseVerdict.Revoked), true)]
    [InlineData(nameof(LicenseVerdict.Moved), true)]
    [InlineData(nameof(LicenseVerdict.Unknown), true)]
    public void Only_licensed_and_trial_are_in_force(string name, bool lapsed) =>
        Assert.Equal(lapsed, LicenseRules.IsLapsed(Enum.Parse<LicenseVerdict>(name)));
}
