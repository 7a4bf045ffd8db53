using Faktum.Licensing.EndToEnd.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Faktum.Licensing.EndToEnd.Tests.Offline;

public sealed class ClockTests
{
    [Fact]
    public async Task A_computer_clock_a_day_behind_the_reachable_server_gives_clock_rolled_back()
    {
        await using var server = await E2eServer.StartAsync();
        var computer = server.Computer("computer-a");
        using (var app = new HostApp(server, computer))
        {
            await app.RegisterAndConfirmAsync(server);
        }

        server.Time.Advance(TimeSpan.FromDays(2));
        using var behind = new HostApp(server, computer, new FakeTimeProvider(server.Time.GetUtcNow() - TimeSpan.FromDays(1)));
        var status = await behind.Licensing.CheckAsync();

        Assert.Equal(LicenseState.ClockRolledBack, status.State);
        Assert.Equal(LicenseMode.ReadOnly, status.Mode);
        Assert.True(status.IsConfirmedOnline);
    }

    [Fact]
    public async Task A_computer_clock_an_hour_ahead_of_the_server_still_confirms_the_license_online()
    {
        await using var server = await E2eServer.StartAsync();
        var computer = server.Computer("computer-a");
        using var app = new HostApp(server, computer, new FakeTimeProvider(E2eServer.Start + TimeSpan.FromHours(1)));
        await app.RegisterAndConfirmAsync(server);

        var status = await app.Licensing.CheckAsync();

        Assert.Equal(LicenseState.Trial, status.State);
        Assert.True(status.IsConfirmedOnline, status.Message);
    }

    [Fact]
    public async Task A_moved_license_stays_moved_when_the_server_can_no_longer_be_reached()
    {
        await using var server = await E2eServer.StartAsync();
        using var first = new HostApp(server, server.Computer("computer-a"));
        await first.RegisterAndConfirmAsync(server);
        using var second = new HostApp(server, server.Computer("computer-b"));
        (await second.Licensing.RequestOneTimePasswordAsync(HostApp.Email)).EnsureSuccess();
        (await second.Licensing.ConfirmAsync(HostApp.Email, server.ReadOneTimePassword(HostApp.Email, count: 2))).EnsureSuccess();
        Assert.Equal(LicenseState.MovedToAnotherInstallation, (await first.Licensing.CheckAsync()).State);

        await server.StopAsync();
        var offline = await first.Licensing.CheckAsync();

        Assert.Equal(LicenseState.MovedToAnotherInstallation, offline.State);
        Assert.False(offline.IsConfirmedOnline);
        Assert.Equal(LicenseState.OfflineGrace, (await second.Licensing.CheckAsync()).State);
    }
}
