using Faktum.Licensing.EndToEnd.Tests.Infrastructure;

namespace Faktum.Licensing.EndToEnd.Tests.Seats;

/// <summary>The owner's installation list (S8): list, rename and release from the app, authorised by the license token.</summary>
public sealed class InstallationListTests
{
    [Fact]
    public async Task The_owner_lists_renames_and_releases_a_pc_and_the_released_pc_learns_it_and_can_no_longer_list()
    {
        await using var server = await E2eServer.StartAsync();
        using var pc1 = new HostApp(server, server.Computer("pc1"));
        var first = await pc1.RegisterAndConfirmAsync(server);
        await SeatsTests.SetSeatsAsync(server, first.Claims!.LicenseId, 3);
        using var pc2 = new HostApp(server, server.Computer("pc2"));
        (await SeatsTests.RecoverAsync(server, pc2)).EnsureSuccess();
        await pc2.Licensing.CheckAsync();

        var listed = (await pc1.Licensing.GetInstallationsAsync()).EnsureSuccess();
        Assert.Equal(3, listed.Seats);
        Assert.Equal(3, listed.MovesLeft);
        Assert.Equal(2, listed.Installations.Count);
        var other = Assert.Single(listed.Installations, i => !i.IsThisInstallation);
        Assert.Equal("2.3.1", other.AppVersion);
        Assert.Equal("stable", other.Channel);

        (await pc1.Licensing.RenameInstallationAsync(other.Id, "  Magazijn   laptop ")).EnsureSuccess();
        Assert.Equal("Magazijn laptop", (await pc1.Licensing.GetInstallationsAsync()).EnsureSuccess().Installations.Single(i => i.Id == other.Id).Label);
        var invisible = await pc1.Licensing.RenameInstallationAsync(other.Id, "Magazijn\u2060");
        Assert.Equal(LicensingFailure.InvalidInput, invisible.Failure);

        (await pc1.Licensing.ReleaseInstallationAsync(other.Id)).EnsureSuccess();

        Assert.Equal(LicenseState.MovedToAnotherInstallation, (await pc2.Licensing.CheckAsync()).State);
        Assert.Equal(LicensingFailure.LicenseRejected, (await pc2.Licensing.GetInstallationsAsync()).Failure);
        var after = (await pc1.Licensing.GetInstallationsAsync()).EnsureSuccess();
        Assert.True(Assert.Single(after.Installations).IsThisInstallation);
        Assert.Equal(2, after.MovesLeft);
    }

    [Fact]
    public async Task A_token_of_another_license_can_neither_see_nor_release_nor_rename_this_licenses_installations()
    {
        await using var server = await E2eServer.StartAsync();
        using var owner = new HostApp(server, server.Computer("owner"));
        await owner.RegisterAndConfirmAsync(server);
        var mine = Assert.Single((await owner.Licensing.GetInstallationsAsync()).EnsureSuccess().Installations);
        using var stranger = new HostApp(server, server.Computer("stranger"));
        const string StrangerEmail = "info@slagerij-pietersen.example";
        (await stranger.Licensing.RegisterCompanyAsync(HostApp.Registration("Slagerij Pietersen", "9999 ZZ", StrangerEmail))).EnsureSuccess();
        (await stranger.Licensing.ConfirmAsync(StrangerEmail, server.ReadOneTimePassword(StrangerEmail))).EnsureSuccess();

        var seen = (await stranger.Licensing.GetInstallationsAsync()).EnsureSuccess();
        var released = await stranger.Licensing.ReleaseInstallationAsync(mine.Id);
        var renamed = await stranger.Licensing.RenameInstallationAsync(mine.Id, "Gekaapt");

        Assert.DoesNotContain(seen.Installations, i => i.Id == mine.Id);
        Assert.Equal(LicensingFailure.RequestRejected, released.Failure);
        Assert.Equal("urn:faktum:problem:not-found", released.ProblemType);
        Assert.Equal("urn:faktum:problem:not-found", renamed.ProblemType);
        Assert.Equal(LicenseState.Trial, (await owner.Licensing.CheckAsync()).State);
        Assert.Null(Assert.Single((await owner.Licensing.GetInstallationsAsync()).EnsureSuccess().Installations).Label);
    }

    [Fact]
    public async Task Without_a_license_the_installation_list_is_not_registered()
    {
        await using var server = await E2eServer.StartAsync();
        using var app = new HostApp(server, server.Computer("new"));

        Assert.Equal(LicensingFailure.NotRegistered, (await app.Licensing.GetInstallationsAsync()).Failure);
        Assert.Equal(LicensingFailure.NotRegistered, (await app.Licensing.ReleaseInstallationAsync("ins_x")).Failure);
    }
}
