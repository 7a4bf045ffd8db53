using Faktum.Licensing.EndToEnd.Tests.Infrastructure;

namespace Faktum.Licensing.EndToEnd.Tests.Companies;

public sealed class CompanyCorrectionRefusalTests
{
    [Fact]
    public async Task A_correction_from_a_computer_the_license_moved_away_from_is_refused_and_changes_nothing()
    {
        await using var server = await E2eServer.StartAsync();
        using var first = new HostApp(server, server.Computer("computer-a"));
        await first.RegisterAndConfirmAsync(server);
        using var second = new HostApp(server, server.Computer("computer-b"));
        (await second.Licensing.RequestOneTimePasswordAsync(HostApp.Email)).EnsureSuccess();
        (await second.Licensing.ConfirmAsync(HostApp.Email, server.ReadOneTimePassword(HostApp.Email, count: 2))).EnsureSuccess();

        var corrected = await first.Licensing.CorrectCompanyAsync(new CompanyCorrection { Street = "Kerkstraat" });

        Assert.Equal(LicensingFailure.LicenseRejected, corrected.Failure);
        Assert.Equal("Dorpsstraat", (await second.Licensing.CheckAsync()).Company!.Street);
        Assert.Equal("Dorpsstraat", (await first.Licensing.GetCompanyProfileAsync())!.Street);
    }

    [Fact]
    public async Task A_correction_while_the_server_is_down_is_server_unreachable_and_the_profile_stays()
    {
        await using var server = await E2eServer.StartAsync();
        using var app = new HostApp(server, server.Computer("computer-a"));
        await app.RegisterAndConfirmAsync(server);
        await server.StopAsync();

        var corrected = await app.Licensing.CorrectCompanyAsync(new CompanyCorrection { Street = "Kerkstraat" });

        Assert.Equal(LicensingFailure.ServerUnreachable, corrected.Failure);
        Assert.Equal("Dorpsstraat", (await app.Licensing.GetCompanyProfileAsync())!.Street);
    }
}
