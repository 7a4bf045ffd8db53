using Faktum.Licensing.EndToEnd.Tests.Infrastructure;

namespace Faktum.Licensing.EndToEnd.Tests.Registration;

public sealed class RecoveryTests
{
    [Fact]
    public async Task Recovering_on_another_computer_moves_the_license_and_the_first_computer_learns_it_without_losing_data()
    {
        await using var server = await E2eServer.StartAsync();
        using var first = new HostApp(server, server.Computer("computer-a"));
        await first.RegisterAndConfirmAsync(server);
        Assert.Equal(LicenseState.Trial, (await first.Licensing.CheckAsync()).State);
        var firstFiles = Directory.GetFiles(first.DataDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        using var second = new HostApp(server, server.Computer("computer-b"));
        var requested = await second.Licensing.RequestOneTimePasswordAsync(HostApp.Email);
        Assert.True(requested.Succeeded, requested.Message);
        var confirmed = await second.Licensing.ConfirmAsync(HostApp.Email, server.ReadOneTimePassword(HostApp.Email, count: 2));
        Assert.True(confirmed.Succeeded, confirmed.Message);
        Assert.Equal(LicenseState.Trial, confirmed.Value!.State);
        Assert.Equal(LicenseState.Trial, (await second.Licensing.CheckAsync()).State);

        var moved = await first.Licensing.CheckAsync();

        Assert.Equal(LicenseState.MovedToAnotherInstallation, moved.State);
        Assert.Equal(LicenseMode.ReadOnly, moved.Mode);
        Assert.True(moved.IsConfirmedOnline);
        Assert.Equal("Bakkerij Jansen B.V.", moved.Company!.Name);
        Assert.True(File.Exists(first.TokenPath));
        Assert.True(File.Exists(first.StatePath));
        Assert.Equal(firstFiles, Directory.GetFiles(first.DataDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList());
        Assert.Equal("Bakkerij Jansen B.V.", (await first.Licensing.GetCompanyProfileAsync())!.Name);
        Assert.Equal(LicenseState.Trial, (await second.Licensing.CheckAsync()).State);
    }
}
