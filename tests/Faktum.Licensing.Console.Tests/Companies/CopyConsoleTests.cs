using Faktum.Licensing.Console.Tests.Infrastructure;
using Faktum.Licensing.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Faktum.Licensing.Console.Tests.Companies;

/// <summary>Copy detection on the company page: a copied data folder's verdict shown, and cleared by the vendor.</summary>
[Collection(ConsoleBrowserCollection.Name)]
public sealed class CopyConsoleTests(ConsoleBrowser browser)
{
    [Fact]
    public async Task A_duplicated_verdict_shown_on_the_page_and_cleared_there_is_cleared_in_the_admin_api_with_an_audit_row_and_the_kept_copy_is_licensed()
    {
        await using var site = await ConsoleSite.StartAsync();
        var kept = site.Server.Computer("kantoor");
        string licenseId;
        using (var app = new HostApp(site.Server, kept))
        {
            licenseId = (await app.RegisterAndConfirmAsync(site.Server)).Claims!.LicenseId;
        }

        var copy = site.Server.Computer("kopie");
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(kept))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        // The first start of each could be a lost answer; the second of each is a copy's.
        foreach (var folder in new[] { kept, copy, kept, copy })
        {
            await StartAsync(site, folder);
        }

        Assert.Equal(LicenseState.Duplicated, await StartAsync(site, kept));
        var companyId = await site.CompanyOfAsync(licenseId);
        var page = await site.OpenCompanyAsync(browser, companyId);
        Assert.StartsWith("Er is een kopie van een installatie gezien", await page.Locator("#copies-state").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("ja", await page.Locator("#copies-table tbody").InnerTextAsync(), StringComparison.Ordinal);
        await ConsoleSite.ScreenshotAsync(page, "company-copies");

        await page.GetByRole(AriaRole.Button, new() { Name = "Oordeel 'gekopieerd' opheffen" }).ClickAsync();

        Assert.Equal("Het oordeel 'gekopieerd' is opgeheven.", await page.Locator("#action-notice").InnerTextAsync());
        Assert.Equal("Geen kopie van een installatie gezien.", await page.Locator("#copies-state").InnerTextAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Oordeel 'gekopieerd' opheffen" }).CountAsync());
        var copies = (await site.AdminGetAsync($"v1/admin/licenses/{licenseId}/copies")).GetProperty("installations").EnumerateArray().ToList();
        Assert.NotEmpty(copies);
        Assert.All(copies, c => Assert.False(c.GetProperty("duplicated").GetBoolean()));
        Assert.StartsWith("installations: [", (await site.AssertAuditedAsync(licenseId, "license-copies-cleared")).Detail, StringComparison.Ordinal);
        Assert.Equal(LicenseState.Trial, await StartAsync(site, kept));
    }

    private static async Task<LicenseState> StartAsync(ConsoleSite site, string folder)
    {
        site.Server.Time.Advance(TimeSpan.FromDays(1));
        using var app = new HostApp(site.Server, folder);
        return (await app.Licensing.CheckAsync()).State;
    }
}
