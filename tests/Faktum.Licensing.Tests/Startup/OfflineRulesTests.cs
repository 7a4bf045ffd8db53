using Faktum.Licensing.Protocol;
using Faktum.Licensing.Startup;
using Faktum.Licensing.Storage;
using Faktum.Licensing.Tokens;

namespace Faktum.Licensing.Tests.Startup;

/// <summary>The offline rules as a pure function: a state, a token validation result and a time in, a status out. No HTTP, no disk, no keys.</summary>
public sealed class OfflineRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private static readonly CompanyProfile Company = new("Bakkerij Jansen B.V.", "1234 AB", "NL", "Dorpsstraat", "1", "Ons Dorp", "J. Jansen", null, "info@bakkerij-jansen.example");

    private readonly OfflineRules _rules = new(Microsoft.Extensions.Options.Options.Create(new FaktumLicensingOptions { OfflineGrace = TimeSpan.FromDays(14), ClockTolerance = TimeSpan.FromMinutes(5) }));

    [Fact]
    public void A_clock_behind_a_time_the_server_already_reported_is_clock_rolled_back_whatever_the_token()
    {
        var state = State(lastOnlineCheck: Now.AddDays(-1)) with { HighestServerTime = Now.AddHours(1) };

        var status = _rules.Evaluate(state, Valid(), Now, why: null);

        Assert.Equal(LicenseState.ClockRolledBack, status.State);
        Assert.Equal(Company, status.Company);
    }

    [Fact]
    public void A_clock_behind_the_reported_time_by_less_than_the_tolerance_is_not_a_rollback()
    {
        var state = State(lastOnlineCheck: Now.AddDays(-1)) with { HighestServerTime = Now.AddMinutes(4) };

        Assert.Equal(LicenseState.OfflineGrace, _rules.Evaluate(state, Valid(), Now, why: null).State);
    }

    [Theory]
    [InlineData(LicenseVerdictNames.Revoked, LicenseState.Revoked)]
    [InlineData(LicenseVerdictNames.Suspended, LicenseState.Suspended)]
    [InlineData(LicenseVerdictNames.Moved, LicenseState.MovedToAnotherInstallation)]
    [InlineData(LicenseVerdictNames.Duplicated, LicenseState.Duplicated)]
    [InlineData(LicenseVerdictNames.TrialExpired, LicenseState.TrialExpired)]
    [InlineData(LicenseVerdictNames.Expired, LicenseState.Expired)]
    public void A_lapsed_verdict_of_the_last_check_stays_lapsed_offline_though_the_token_is_valid(string verdict, LicenseState expected)
    {
        Assert.True(LicenseVerdictNames.TryParse(verdict, out var lastVerdict));
        var state = State(lastOnlineCheck: Now.AddDays(-1)) with { LastVerdict = lastVerdict };

        var status = _rules.Evaluate(state, Valid(), Now, why: "The license server cannot be reached.");

        Assert.Equal(expected, status.State);
        Assert.False(status.IsConfirmedOnline);
        Assert.StartsWith("The license server cannot be reached. ", status.Message, StringComparison.Ordinal);
        Assert.Contains("as of the last online check", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_good_verdict_of_the_last_check_does_not_outlast_the_grace()
    {
        var state = State(lastOnlineCheck: Now.AddDays(-20)) with { LastVerdict = LicenseVerdict.Licensed };

        Assert.Equal(LicenseState.OfflineGraceExpired, _rules.Evaluate(state, Valid(LicenseKind.Paid, licenseEnd: null), Now, why: null).State);
    }

    [Theory]
    [InlineData(LicenseKind.Trial, LicenseState.TrialExpired)]
    [InlineData(LicenseKind.Paid, LicenseState.Expired)]
    public void A_license_past_its_end_is_ended_offline_even_within_the_grace(LicenseKind kind, LicenseState expected)
    {
        var status = _rules.Evaluate(State(lastOnlineCheck: Now.AddDays(-1)), Valid(kind, licenseEnd: Now.AddSeconds(-1)), Now, why: null);

        Assert.Equal(expected, status.State);
        Assert.NotNull(status.Claims);
    }

    [Fact]
    public void A_license_ends_at_its_end_instant_not_a_tick_later()
    {
        Assert.Equal(LicenseState.TrialExpired, _rules.Evaluate(State(lastOnlineCheck: Now.AddDays(-1)), Valid(licenseEnd: Now), Now, why: null).State);
    }

    [Fact]
    public void The_grace_ends_offline_grace_days_after_the_last_online_check()
    {
        var status = _rules.Evaluate(State(lastOnlineCheck: Now.AddDays(-14)), Valid(), Now, why: null);

        Assert.Equal(LicenseState.OfflineGraceExpired, status.State);
        Assert.Equal(Company, status.Company);
        Assert.NotNull(status.Claims);
    }

    [Theory]
    [InlineData(0.5, 14)]
    [InlineData(1, 13)]
    [InlineData(13.5, 1)]
    public void Within_the_grace_it_is_offline_grace_with_the_whole_days_left_rounded_up(double daysSinceCheck, int daysLeft)
    {
        var status = _rules.Evaluate(State(lastOnlineCheck: Now.AddDays(-daysSinceCheck)), Valid(), Now, why: null);

        Assert.Equal(LicenseState.OfflineGrace, status.State);
        Assert.Equal(daysLeft, status.DaysLeft);
        Assert.Equal(Now, status.CheckedAt);
        Assert.Contains("Working offline on the cached license until", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_online_check_the_grace_counts_from_the_token_issue()
    {
        var status = _rules.Evaluate(State(lastOnlineCheck: null), Valid(issuedAt: Now.AddDays(-2)), Now, why: null);

        Assert.Equal(LicenseState.OfflineGrace, status.State);
        Assert.Equal(12, status.DaysLeft);
    }

    [Fact]
    public void An_expired_cached_token_is_offline_grace_expired()
    {
        var status = _rules.Evaluate(State(lastOnlineCheck: Now.AddDays(-1)), LicenseTokenValidationResult.Fail(LicenseTokenFailure.Expired, "expired"), Now, why: null);

        Assert.Equal(LicenseState.OfflineGraceExpired, status.State);
        Assert.Equal(Company, status.Company);
    }

    [Fact]
    public void A_refused_cached_token_is_invalid_with_its_reason()
    {
        var status = _rules.Evaluate(State(lastOnlineCheck: Now.AddDays(-1)), LicenseTokenValidationResult.Fail(LicenseTokenFailure.UnknownKey, "not pinned"), Now, why: null);

        Assert.Equal(LicenseState.Invalid, status.State);
        Assert.Equal(LicenseTokenFailure.UnknownKey, status.InvalidReason);
        Assert.Contains("not pinned", status.Message, StringComparison.Ordinal);
    }

    private static LocalLicenseState State(DateTimeOffset? lastOnlineCheck) => new()
    {
        InstallationId = "8_hBIpLzQv-Xj6zJkz_adA",
        LastOnlineCheck = lastOnlineCheck,
        HighestServerTime = lastOnlineCheck,
        Company = Company,
    };

    private static LicenseTokenValidationResult Valid(LicenseKind kind = LicenseKind.Trial, DateTimeOffset? licenseEnd = default, DateTimeOffset? issuedAt = null)
    {
        var issued = issuedAt ?? Now.AddDays(-1);
        return LicenseTokenValidationResult.Success(new LicenseClaims
        {
            Issuer = FaktumLicensingOptions.DefaultIssuer,
            ProductId = "faktum-factuur",
            LicenseId = "lic_0001",
            TokenId = "jti",
            IssuedAt = issued,
            NotBefore = issued,
            ExpiresAt = issued.AddDays(60),
            Kind = kind,
            LicenseEndsAt = licenseEnd == default && kind == LicenseKind.Trial ? Now.AddDays(29) : licenseEnd,
            Company = new LicensedCompany(Company.Name, Company.Postcode, Company.Country, "NL:1234AB:bakkerij jansen"),
            AccountId = "acc_0001",
            InstallationId = "8_hBIpLzQv-Xj6zJkz_adA",
        });
    }
}
