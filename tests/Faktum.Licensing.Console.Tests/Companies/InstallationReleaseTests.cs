using Faktum.Licensing.Console.Tests.Infrastructure;
using Faktum.Licensing.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Faktum.Licensing.Console.Tests.Companies;

[Collection(ConsoleBrowserCollection.Name)]
public sealed class InstallationReleaseTests(ConsoleBrowser browser)
{
    [Fact]
    public async Task An_owner_releases_an_installation_in_the_page_and_its_next_check_says_moved_with_an_audit_row()
    {
        await using var site = await ConsoleSite.StartAsync();
        using var app = new HostApp(site.Server, site.Server.Computer("kantoor"));
        var licenseId = (await app.RegisterAndConfirmAsync(site.Server)).Claims!.LicenseId;
        var companyId = await site.CompanyOfAsync(licenseId);
        var page = await site.OpenCompanyAsync(browser, companyId, "eigenaar@vendor.example", "owner");
        Assert.Equal("1 van 1 plaatsen in gebruik.", await page.Locator("#seats-in-use").InnerTextAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Vrijgeven" }).ClickAsync();

        Assert.Equal("De installatie is vrijgegeven.", await page.Locator("#action-notice").InnerTextAsync());
        Assert.Equal("0 van 1 plaatsen in gebruik.", await page.Locator("#seats-in-use").InnerTextAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Vrijgeven" }).CountAsync());
        Assert.Empty((await site.AdminGetAsync($"v1/admin/licenses/{licenseId}/seats")).GetProperty("installations").EnumerateArray());
        await site.AssertAuditedAsync(licenseId, "installation-released", "eigenaar@vendor.example");
        Assert.Equal(LicenseState.MovedToAnotherInstallation, (await app.Licensing.CheckAsync()).State);
    }
}
