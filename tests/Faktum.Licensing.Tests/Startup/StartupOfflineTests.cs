using System.Net;
using System.Text;
using System.Text.Json;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Tests.Infrastructure;
using Faktum.Licensing.Tokens;
using Microsoft.Extensions.Time.Testing;

namespace Faktum.Licensing.Tests.Startup;

/// <summary>The start-up check without a usable answer: unreachable, failing, slow, garbled or oversize answers, and what the offline rules make of a lapsed verdict.</summary>
public class StartupOfflineTests
{
    [Fact]
    public async Task Check_async_server_unreachable_is_offline_grace_then_offline_grace_expired_after_the_grace()
    {
        using var host = new LicensingTestHost(o => o.OfflineGrace = TimeSpan.FromDays(14));
        await host.RegisterAndConfirmAsync();
        host.Server.Intercept = _ => throw new HttpRequestException("offline");

        host.Time.Advance(TimeSpan.FromDays(3));
        var early = await host.Licensing.CheckAsync();
        host.Time.Advance(TimeSpan.FromDays(10) + TimeSpan.FromHours(23));
        var late = await host.Licensing.CheckAsync();
        host.Time.Advance(TimeSpan.FromHours(2));
        var expired = await host.Licensing.CheckAsync();

        Assert.Equal((LicenseState.OfflineGrace, 11, LicenseMode.Warn), (early.State, early.DaysLeft, early.Mode));
        Assert.Equal((LicenseState.OfflineGrace, 1), (late.State, late.DaysLeft));
        Assert.Equal((LicenseState.OfflineGraceExpired, LicenseMode.ReadOnly), (expired.State, expired.Mode));
        Assert.Equal("Bakkerij Jansen B.V.", expired.Company?.Name);
    }

    [Fact]
    public async Task Check_async_grace_counts_from_the_last_successful_online_check()
    {
        using var host = new LicensingTestHost();
        await host.RegisterAndConfirmAsync();
        host.Time.Advance(TimeSpan.FromDays(10));
        Assert.True((await host.Licensing.CheckAsync()).IsConfirmedOnline);
        host.Server.Intercept = _ => throw new HttpRequestException("offline");
        host.Time.Advance(TimeSpan.FromDays(10));

        var status = await host.Licensing.CheckAsync();

        Assert.Equal((LicenseState.OfflineGrace, 4), (status.State, status.DaysLeft));
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task Check_async_server_errors_are_retried_then_offline(HttpStatusCode code)
    {
        using var host = new LicensingTestHost();
        await host.RegisterAndConfirmAsync();
        host.Server.Intercept = r => Task.FromResult<HttpResponseMessage?>(r.Path == "/v1/startup" ? new HttpResponseMessage(code) : null);

        var status = await host.Licensing.CheckAsync();

        Assert.Equal(LicenseState.OfflineGrace, status.State);
        Assert.Equal(3, host.Server.Count("/v1/startup"));
    }

    [Fact]
    public async Task Check_async_server_too_slow_times_out_and_is_offline()
    {
        using var host = new LicensingTestHost(o => o.RequestTimeout = TimeSpan.FromMilliseconds(150));
        await host.RegisterAndConfirmAsync();
        host.Server.Intercept = async r =>
        {
            if (r.Path == "/v1/startup")
            {
                await Task.Delay(TimeSpan.FromSeconds(30), r.Aborted);
            }

            return null;
        };

        var started = System.Diagnostics.Stopwatch.StartNew();
        var status = await host.Licensing.CheckAsync();

        Assert.Equal(LicenseState.OfflineGrace, status.State);
        Assert.Contains("in time", status.Message, StringComparison.Ordinal);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(15), started.Elapsed.ToString());
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"response\":42}")]
    [InlineData("{\"response\":\"a.b.c\"}")]
    [InlineData("[]")]
    public async Task Check_async_garbled_body_is_refused_and_offline(string body)
    {
        using var host = new LicensingTestHost();
        await host.RegisterAndConfirmAsync();
        host.Server.Intercept = r => Task.FromResult<HttpResponseMessage?>(r.Path == "/v1/startup" ? FakeLicenseServer.Json(HttpStatusCode.OK, body) : null);

        var status = await host.Licensing.CheckAsync();

        Assert.Equal(LicenseState.OfflineGrace, status.State);
        Assert.False(status.IsConfirmedOnline);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Check_async_oversize_body_is_refused_while_reading(bool announceLength)
    {
        using var host = new LicensingTestHost(o => o.MaxResponseBytes = 4096);
        await host.RegisterAndConfirmAsync();
        host.Server.Intercept = r =>
        {
            if (r.Path != "/v1/startup")
            {
                return Task.FromResult<HttpResponseMessage?>(null);
            }

            var bytes = Encoding.UTF8.GetBytes("{\"response\":\"" + new string('a', 100_000) + "\"}");
            HttpContent content = announceLength ? new ByteArrayContent(bytes) : new StreamContent(new UnknownLengthStream(bytes));
            return Task.FromResult<HttpResponseMessage?>(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
        };

        var status = await host.Licensing.CheckAsync();

        Assert.Equal(LicenseState.OfflineGrace, status.State);
        Assert.Contains("larger than 4096", status.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LicenseVerdictNames.Revoked, LicenseState.Revoked)]
    [InlineData(LicenseVerdictNames.Suspended, LicenseState.Suspended)]
    [InlineData(LicenseVerdictNames.Moved, LicenseState.MovedToAnotherInstallation)]
    [InlineData(LicenseVerdictNames.TrialExpired, LicenseState.TrialExpired)]
    public async Task Offline_after_a_lapsed_verdict_stays_lapsed(string verdict, LicenseState expected)
    {
        using var host = new LicensingTestHost();
        await host.RegisterAndConfirmAsync();
        host.Server.Verdict = verdict;
        await host.Licensing.CheckAsync();
        host.Server.Intercept = _ => throw new HttpRequestException("offline");

        var status = await host.Licensing.CheckAsync();

        Assert.Equal(expected, status.State);
        Assert.False(status.IsConfirmedOnline);
        Assert.Contains("last online check", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offline_after_a_moved_verdict_and_a_recovery_back_here_is_offline_grace()
    {
        using var host = new LicensingTestHost();
        await host.RegisterAndConfirmAsync();
        host.Server.Verdict = LicenseVerdictNames.Moved;
        Assert.Equal(LicenseState.MovedToAnotherInstallation, (await host.Licensing.CheckAsync()).State);
        (await host.Licensing.RequestOneTimePasswordAsync("info@bakkerij-jansen.example")).EnsureSuccess();
        (await host.Licensing.ConfirmAsync("info@bakkerij-jansen.example", "123456")).EnsureSuccess();
        host.Server.Intercept = _ => throw new HttpRequestException("offline");

        var status = await host.Licensing.CheckAsync();

        Assert.Equal(LicenseState.OfflineGrace, status.State);
    }

    [Fact]
    public async Task Offline_trial_past_its_end_is_trial_expired()
    {
        using var host = new LicensingTestHost(o => o.OfflineGrace = TimeSpan.FromDays(60));
        await host.RegisterAndConfirmAsync();
        host.Server.Intercept = _ => throw new HttpRequestException("offline");
        host.Time.Advance(TimeSpan.FromDays(31));

        var status = await host.Licensing.CheckAsync();

        Assert.Equal(LicenseState.TrialExpired, status.State);
    }

    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
