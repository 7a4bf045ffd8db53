using System.Net;
using System.Text;
using System.Text.Json;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Tests.Infrastructure;
using Faktum.Licensing.Tokens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Faktum.Licensing.Tests.Startup;

public class StartupCheckTests
{
    [Fact]
    public async Task Check_async_nothing_registered_is_not_registered_without_calling_the_server()
    {
        using var host = new LicensingTestHost();

        var status = await host.Licensing.CheckAsync();

        Assert.Equal(LicenseState.NotRegistered, status.State);
        Assert.Equal(LicenseMode.ReadOnly, status.Mode);
        Assert.Empty(host.Server.Requests);
        Assert.False(Directory.Exists(host.DataDirectory));
    }

    [Fact]
    public async Task Check_async_sends_exactly_license_app_version_channel_and_nonce_and_nothing_else()
    {
        using var host = new LicensingTestHost(o => o.Channel = "beta");
        await host.RegisterAndConfirmAsync();
        var token = File.ReadAllText(host.TokenPath);

        await host.Licensing.CheckAsync();

        var request = host.Server.Requests.Single(r => r.Path == "/v1/startup");
        Assert.Equal("POST", request.Method);
        using var json = JsonDocument.Parse(request.Body);
        Assert.Equal(["appVersion", "channel", "license", "nonce"], json.RootElement.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(token, json.RootElement.GetProperty("license").GetString());
        Assert.Equal("2.3.1", json.RootElement.GetProperty("appVersion").GetString());
        Assert.Equal("beta", json.RootElement.GetProperty("channel").GetString());
        Assert.Equal(32, Base64UrlDecode(json.RootElement.GetProperty("nonce").GetString()!).Length);
        Assert.DoesNotContain("Cookie", request.Headers.Keys);
        Assert.DoesNotContain("Authorization", request.Headers.Keys);
        Assert.DoesNotContain("User-Agent", request.Headers.Keys);
    }

    [Fact]
    public async Task Clients_with_another_primary_handler_open_no_early_connection()
    {
        using var host = new LicensingTestHost();
        await host.RegisterAndConfirmAsync();

        await host.Licensing.CheckAsync();

        Assert.Single(host.Server.Requests, r => r.Path == "/v1/startup");
        Assert.Equal(0, host.Provider.GetRequiredService<Faktum.Licensing.Http.EarlyConnection>().Opened);
    }

    [Fact]
    public async Task Check_async_each_check_uses_a_fresh_nonce()
    {
        using var host = new LicensingTestHost();
        await host.RegisterAndConfirmAsync();

        await host.Licensing.CheckAsync();
        await host.Licensing.CheckAsync();

        var nonces = host.Server.Requests.Where(r => r.Path == "/v1/startup").Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("nonce").GetString()).ToList();
        Assert.Equal(2, nonces.Distinct().Count());
    }

    [Theory]
    [InlineData(LicenseVerdictNames.Licensed, LicenseState.Licensed, LicenseMode.RunNormally)]
    [InlineData(LicenseVerdictNames.Trial, LicenseState.Trial, LicenseMode.RunNormally)]
    [InlineData(LicenseVerdictNames.TrialExpired, LicenseState.TrialExpired, LicenseMode.ReadOnly)]
    [InlineData(LicenseVerdictNames.Expired, LicenseState.Expired, LicenseMode.ReadOnly)]
    [InlineData(LicenseVerdictNames.Suspended, LicenseState.Suspended, LicenseMode.ReadOnly)]
    [InlineData(LicenseVerdictNames.Revoked, LicenseState.Revoked, LicenseMode.ReadOnly)]
    [InlineData(LicenseVerdictNames.Moved, LicenseState.MovedToAnotherInstallation, LicenseMode.ReadOnly)]
    [InlineData(LicenseVerdictNames.Unknown, LicenseState.NotRegistered, LicenseMode.ReadOnly)]
    public async Task Check_async_verdict_maps_to_state(string verdict, LicenseState expected, LicenseMode mode)
    {
        using var host = new LicensingTestHost();
        await host.RegisterAndConfirmAsync();
        host.Server.Verdict = verdict;

        var status = await host.Licensing.CheckAsync();

        Assert.Equal(expected, status.State);
        Assert.Equal(mode, status.Mode);
        Assert.True(status.IsConfirmedOnline);
        Assert.Equal("Bakkerij Jansen B.V.", status.Company?.Name);
        Assert.Null(status.UpdateDecision);
    }

    [Fact]
    public async Task Check_async_trial_reports_the_servers_days_left_stores_the_refreshed_token_and_the_server_time()
    {
        using var host = new LicensingTestHost();
        await host.RegisterAndConfirmAsync();
        var before = File.ReadAllText(host.TokenPath);
        host.Time.Advance(TimeSpan.FromHours(1));

        var status = await host.Licensing.CheckAsync();

        Assert.Equal(LicenseState.Trial, status.State);
        Assert.Equal(30, status.DaysLeft);
        Assert.NotEqual(before, File.ReadAllText(host.TokenPath));
        using var state = JsonDocument.Parse(File.ReadAllText(host.StatePath));
        Assert.Equal(host.Time.GetUtcNow(), state.RootElement.GetProperty("highestServerTime").GetDateTimeOffset());
        Assert.Equal(host.Time.GetUtcNow(), state.RootElement.GetProperty("lastOnlineCheck").GetDateTimeOffset());
    }

    [Fact]
    public async Task Status_changed_is_raised_when_the_state_changes()
    {
        using var host = new LicensingTestHost();
        await host.RegisterAndConfirmAsync();
        var changes = new List<LicenseStatusChangedEventArgs>();
        host.Licensing.StatusChanged += (_, e) => changes.Add(e);

        await host.Licensing.CheckAsync();
        await host.Licensing.CheckAsync();
        host.Server.Verdict = LicenseVerdictNames.Revoked;
        await host.Licensing.CheckAsync();

        var change = Assert.Single(changes);
        Assert.Equal((LicenseState.Trial, LicenseState.Revoked), (change.Previous.State, change.Current.State));
    }

    internal static byte[] Base64UrlDecode(string text) => System.Buffers.Text.Base64Url.DecodeFromChars(text);
}
