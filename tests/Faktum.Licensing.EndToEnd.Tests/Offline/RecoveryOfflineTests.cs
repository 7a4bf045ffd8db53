using Faktum.Licensing.EndToEnd.Tests.Infrastructure;

namespace Faktum.Licensing.EndToEnd.Tests.Offline;

public sealed class RecoveryOfflineTests
{
    [Fact]
    public async Task A_license_recovered_back_to_the_first_computer_works_offline_there_instead_of_staying_moved()
    {
        await using var server = await E2eServer.StartAsync();
        using var first = new HostApp(server, server.Computer("computer-a"));
        await first.RegisterAndConfirmAsync(server);
        using var second = new HostApp(server, server.Computer("computer-b"));
        (await second.Licensing.RequestOneTimePasswordAsync(HostApp.Email)).EnsureSuccess();
        (await second.Licensing.ConfirmAsync(HostApp.Email, server.ReadOneTimePassword(HostApp.Email, count: 2))).EnsureSuccess();
        Assert.Equal(LicenseState.MovedToAnotherInstallation, (await first.Licensing.CheckAsync()).State);

        (await first.Licensing.RequestOneTimePasswordAsync(HostApp.Email)).EnsureSuccess();
        var back = await first.Licensing.ConfirmAsync(HostApp.Email, server.ReadOneTimePassword(HostApp.Email, count: 3));
        Assert.Equal(LicenseState.Trial, back.EnsureSuccess().State);
        await server.StopAsync();

        var offline = await first.Licensing.CheckAsync();

        Assert.Equal(LicenseState.OfflineGrace, offline.State);
        Assert.Equal(14, offline.DaysLeft);
    }
}
