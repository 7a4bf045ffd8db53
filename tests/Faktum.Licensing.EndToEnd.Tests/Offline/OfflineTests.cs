using Faktum.Licensing.EndToEnd.Tests.Infrastructure;
using Faktum.Licensing.Http;
using Faktum.Licensing.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Faktum.Licensing.EndToEnd.Tests.Offline;

public sealed class OfflineTests
{
    [Fact]
    public async Task A_stopped_server_gives_offline_grace_which_expires_and_a_clock_set_back_gives_clock_rolled_back()
    {
        await using var server = await E2eServer.StartAsync();
        var computer = server.Computer("computer-a");
        using (var app = new HostApp(server, computer))
        {
            await app.RegisterAndConfirmAsync(server);
            var online = await app.Licensing.CheckAsync();
            Assert.Equal(LicenseState.Trial, online.State);

            await server.StopAsync();
            server.Time.Advance(TimeSpan.FromDays(2));
            var offline = await app.Licensing.CheckAsync();

            Assert.Equal(LicenseState.OfflineGrace, offline.State);
            Assert.Equal(LicenseMode.Warn, offline.Mode);
            Assert.Equal(12, offline.DaysLeft);
            Assert.False(offline.IsConfirmedOnline);
            Assert.Equal("Bakkerij Jansen B.V.", offline.Company!.Name);

            server.Time.Advance(TimeSpan.FromDays(12) + TimeSpan.FromMinutes(1));
            var expired = await app.Licensing.CheckAsync();

            Assert.Equal(LicenseState.OfflineGraceExpired, expired.State);
            Assert.Equal(LicenseMode.ReadOnly, expired.Mode);
            Assert.False(string.IsNullOrWhiteSpace(expired.Message));
        }

        // The computer's clock now says a day before the last time the server reported.
        using var rolledBack = new HostApp(server, computer, new FakeTimeProvider(E2eServer.Start - TimeSpan.FromDays(1)));
        var status = await rolledBack.Licensing.CheckAsync();

        Assert.Equal(LicenseState.ClockRolledBack, status.State);
        Assert.Equal(LicenseMode.ReadOnly, status.Mode);
        Assert.Contains("clock", status.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_stopped_server_refuses_the_connection_and_the_next_start_tries_the_startup_call_once_then_works_offline()
    {
        await using var server = await E2eServer.StartAsync();
        var computer = server.Computer("computer-a");
        using (var app = new HostApp(server, computer))
        {
            await app.RegisterAndConfirmAsync(server);
        }

        await server.StopAsync();
        server.Time.Advance(TimeSpan.FromDays(1));
        var attempts = new AttemptCounter.Log();
        using var restarted = new HostApp(server, computer, build: builder =>
            builder.Services.AddHttpClient(LicenseServerClient.RetryingClientName).AddHttpMessageHandler(() => new AttemptCounter(attempts)));

        var status = await restarted.Licensing.CheckAsync();

        // The one try is the start-up call's early connection: refused, it ends the call before a request is written, so nothing
        // enters the client's handlers (the attempt counter included).
        Assert.Equal(1, restarted.Provider.GetRequiredService<EarlyConnection>().Opened);
        Assert.Equal(0, attempts.Count("/v1/startup"));
        Assert.Equal(LicenseState.OfflineGrace, status.State);
        Assert.Equal(13, status.DaysLeft);
        Assert.Contains("cannot be reached", status.Message, StringComparison.Ordinal);
    }
}
