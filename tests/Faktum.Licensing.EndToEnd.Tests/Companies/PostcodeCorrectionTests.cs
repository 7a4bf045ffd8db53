using Faktum.Licensing.EndToEnd.Tests.Infrastructure;

namespace Faktum.Licensing.EndToEnd.Tests.Companies;

public sealed class PostcodeCorrectionTests
{
    [Fact]
    public async Task A_corrected_postcode_is_stored_in_display_form_and_the_refreshed_license_still_checks_as_trial()
    {
        await using var server = await E2eServer.StartAsync();
        using var app = new HostApp(server, server.Computer("computer-a"));
        await app.RegisterAndConfirmAsync(server);

        var corrected = await app.Licensing.CorrectCompanyAsync(new CompanyCorrection { Postcode = "3511ab", HouseNumber = "7" });

        Assert.True(corrected.Succeeded, corrected.Message);
        Assert.Equal("3511 AB", corrected.Value!.Postcode);
        Assert.Equal("7", corrected.Value.HouseNumber);
        Assert.Equal("3511 AB", (await app.Licensing.GetCompanyProfileAsync())!.Postcode);
        var next = await app.Licensing.CheckAsync();
        Assert.Equal(LicenseState.Trial, next.State);
        Assert.True(next.IsConfirmedOnline);
        Assert.Equal("3511 AB", next.Company!.Postcode);
        Assert.Equal("3511 AB", next.Claims!.Company.Postcode);
    }

    [Fact]
    public async Task Correcting_the_postcode_to_one_where_the_same_company_name_is_registered_is_refused()
    {
        await using var server = await E2eServer.StartAsync();
        using var other = new HostApp(server, server.Computer("computer-b"));
        (await other.Licensing.RegisterCompanyAsync(HostApp.Registration("Bakkerij Jansen B.V.", "3511 AB", "jan@elders.example"))).EnsureSuccess();
        using var app = new HostApp(server, server.Computer("computer-a"));
        await app.RegisterAndConfirmAsync(server);

        var corrected = await app.Licensing.CorrectCompanyAsync(new CompanyCorrection { Postcode = "3511ab" });

        Assert.Equal(LicensingFailure.CompanyAlreadyRegistered, corrected.Failure);
        Assert.Equal("1234 AB", (await app.Licensing.GetCompanyProfileAsync())!.Postcode);
        Assert.Equal(LicenseState.Trial, (await app.Licensing.CheckAsync()).State);
    }
}
