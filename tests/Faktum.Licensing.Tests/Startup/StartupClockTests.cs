using System.Net;
using System.Text;
using System.Text.Json;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Tests.Infrastructure;
using Faktum.Licensing.Tokens;
using Microsoft.Extensions.Time.Testing;

namespace Faktum.Licensing.Tests.Startup;

/// <summary>The start-up check against clocks that disagree: the local clock ahead, behind, or set back.</summary>
public class StartupClockTests
{
    [Fact]
    public async Task Check_async_local_clock_an_hour_ahead_of_the_server_is_still_confirmed_online()
    {
        using var host = new LicensingTestHost();
        await host.RegisterAndConfirmAsync();
        host.Server.ServerClockOffset = TimeSpan.FromHours(-1);

        var status = await host.Licensing.CheckAsync();

        Assert.Equal(LicenseState.Trial, status.State);
        Assert.True(status.IsConfirmedOnline, status.Message);
    }

    [Fact]
    public async Task Confirm_async_local_clock_an_hour_behind_the_server_stores_the_license_and_is_clock_rolled_back()
    {
        using var host = new LicensingTestHost();
        host.Server.ServerClockOffset = TimeSpan.FromHours(1);
        (await host.Licensing.RegisterCompanyAsync(LicensingTestHost.Registration())).EnsureSuccess();

        var confirmed = await host.Licensing.ConfirmAsync("info@bakkerij-jansen.example", "123456");

        Assert.Equal(LicenseState.ClockRolledBack, confirmed.EnsureSuccess().State);
        Assert.True(File.Exists(host.TokenPath));
    }

    [Fact]
    public async Task Check_async_server_clock_far_ahead_is_clock_rolled_back_and_the_offline_check_remembers_it()
    {
        using var host = new LicensingTestHost();
        await host.RegisterAndConfirmAsync();
        host.Server.ServerClockOffset = TimeSpan.FromDays(3);

        var online = await host.Licensing.CheckAsync();
        host.Server.Intercept = _ => throw new HttpRequestException("offline");
        var offline = await host.Licensing.CheckAsync();

        Assert.Equal(LicenseState.ClockRolledBack, online.State);
        Assert.Equal(LicenseState.ClockRolledBack, offline.State);
        Assert.Equal(LicenseMode.ReadOnly, offline.Mode);
    }

    [Fact]
    public async Task Check_async_local_clock_set_back_is_clock_rolled_back()
    {
        using var host = new LicensingTestHost();
        await host.RegisterAndConfirmAsync();
        host.Time.Advance(TimeSpan.FromDays(5));
        await host.Licensing.CheckAsync();
        host.Server.Intercept = _ => throw new HttpRequestException("offline");

        // A new process on the same data folder, with the computer's clock set two days back.
        using var restarted = new LicensingTestHost(dataDirectory: host.DataDirectory, server: host.Server, time: new FakeTimeProvider(host.Time.GetUtcNow() - TimeSpan.FromDays(2)));
        var status = await restarted.Licensing.CheckAsync();

        Assert.Equal(LicenseState.ClockRolledBack, status.State);
        Assert.Contains("clock", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_async_local_clock_set_back_within_the_tolerance_is_still_fine()
    {
        using var host = new LicensingTestHost(o => o.ClockTolerance = TimeSpan.FromMinutes(5));
        await host.RegisterAndConfirmAsync();
        host.Server.Intercept = _ => throw new HttpRequestException("offline");

        using var restarted = new LicensingTestHost(dataDirectory: host.DataDirectory, server: host.Server, time: new FakeTimeProvider(host.Time.GetUtcNow() - TimeSpan.FromMinutes(4)));
        var status = await restarted.Licensing.CheckAsync();

        Assert.Equal(LicenseState.OfflineGrace, status.State);
    }
}
