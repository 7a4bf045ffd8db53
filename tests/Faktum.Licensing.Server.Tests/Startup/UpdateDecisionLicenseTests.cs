using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Startup;
using Faktum.Licensing.Server.Storage;

namespace Faktum.Licensing.Server.Tests.Startup;

/// <summary>Which license the one update decision of a call with several licenses is made for (S9, docs/protocol.md).</summary>
public sealed class UpdateDecisionLicenseTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_good_license_whose_updates_run_longest_is_chosen()
    {
        var checks = new[] { Check("a", LicenseVerdict.Licensed, Now.AddDays(10)), Check("b", LicenseVerdict.Trial, Now.AddDays(40)), Check("c", LicenseVerdict.Licensed, Now.AddDays(20)) };

        Assert.Equal("b", StartupCheckService.UpdatesFor(checks)?.Stored?.Id);
    }

    [Fact]
    public void A_license_without_an_end_of_updates_runs_longest()
    {
        var checks = new[] { Check("a", LicenseVerdict.Licensed, Now.AddYears(5)), Check("b", LicenseVerdict.Licensed, null), Check("c", LicenseVerdict.Licensed, null) };

        Assert.Equal("b", StartupCheckService.UpdatesFor(checks)?.Stored?.Id);
    }

    [Fact]
    public void Of_equal_ends_the_first_in_the_request_is_chosen()
    {
        var checks = new[] { Check("a", LicenseVerdict.Trial, Now.AddDays(3)), Check("b", LicenseVerdict.Licensed, Now.AddDays(3)) };

        Assert.Equal("a", StartupCheckService.UpdatesFor(checks)?.Stored?.Id);
    }

    [Theory]
    [InlineData("Suspended")]
    [InlineData("Revoked")]
    [InlineData("Expired")]
    [InlineData("TrialExpired")]
    [InlineData("Moved")]
    [InlineData("Duplicated")]
    public void A_license_without_a_good_verdict_is_never_chosen(string name)
    {
        var verdict = Enum.Parse<LicenseVerdict>(name);
        var checks = new[] { Check("a", verdict, null), Check("b", LicenseVerdict.Licensed, Now.AddDays(1)) };

        Assert.Equal("b", StartupCheckService.UpdatesFor(checks)?.Stored?.Id);
        Assert.Null(StartupCheckService.UpdatesFor([Check("a", verdict, null), StartupCheckService.LicenseCheck.Unknown("faktum-factuur")]));
    }

    private static StartupCheckService.LicenseCheck Check(string id, LicenseVerdict verdict, DateTimeOffset? updatesEndAt) =>
        new("faktum-factuur", new StartupVerdict(verdict, null), null, null, null,
            new License { Id = id, CompanyId = "cmp_" + id, Product = "faktum-factuur", UpdatesEndAt = updatesEndAt });
}
