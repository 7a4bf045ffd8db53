using Faktum.Licensing.Console.Tests.Infrastructure;
using Faktum.Licensing.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Faktum.Licensing.Console.Tests.Companies;

/// <summary>"My trial ran out, I paid yesterday": search, company, mark paid — and the app on the customer's computer is licensed.</summary>
[Collection(ConsoleBrowserCollection.Name)]
public sealed class SupportCallTests(ConsoleBrowser browser)
{
    [Fact]
    public async Task A_company_found_by_a_name_variant_and_marked_paid_is_in_the_audit_log_and_its_next_check_says_licensed()
    {
        await using var site = await ConsoleSite.StartAsync();
        using var app = new HostApp(site.Server, site.Server.Computer("klant"));
        await app.RegisterAndConfirmAsync(site.Server);
        site.Server.Time.Advance(TimeSpan.FromDays(31));
        Assert.NotEqual(LicenseState.Licensed, (await app.Licensing.CheckAsync()).State);

        var password = await site.AddStaffAsync("support@vendor.example", "support");
        var page = await browser.NewPageAsync();
        await site.SignInAsync(page, "support@vendor.example", password);

        await page.GetByLabel("Zoek een bedrijf").FillAsync("bakkerij jansen bv");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        await ConsoleSite.ScreenshotAsync(page, "companies-search");
        await page.GetByRole(AriaRole.Link, new() { Name = "Bakkerij Jansen B.V." }).ClickAsync();
        await ConsoleSite.ScreenshotAsync(page, "company");
        await page.Locator("#mark-paid").ClickAsync();

        Assert.Equal("De licentie is als betaald gemarkeerd.", await page.Locator("#action-notice").InnerTextAsync());
        Assert.Equal("actief", await page.Locator("#license-state").InnerTextAsync());
        await ConsoleSite.ScreenshotAsync(page, "company-marked-paid");

        await page.GetByRole(AriaRole.Link, new() { Name = "Auditlog" }).First.ClickAsync();
        var row = page.Locator("#audit tbody tr").Filter(new() { HasText = "license-marked-paid" });
        Assert.Equal(1, await row.CountAsync());
        Assert.Contains("support@vendor.example", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("console", await row.InnerTextAsync(), StringComparison.Ordinal);
        await ConsoleSite.ScreenshotAsync(page, "audit");
        foreach (var (link, shot) in new[] { ("Mail", "outbox"), ("Releases", "releases"), ("Sleutels", "keys"), ("Start", "home-after-call") })
        {
            await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
            await ConsoleSite.ScreenshotAsync(page, shot);
        }

        var phone = await browser.NewPageAsync(phone: true);
        await site.SignInAsync(phone, "support@vendor.example", password);
        await phone.GotoAsync(page.Url);
        await ConsoleSite.ScreenshotAsync(phone, "company-phone");

        Assert.Equal(LicenseState.Licensed, (await app.Licensing.CheckAsync()).State);
    }

    [Fact]
    public async Task Suspending_a_revoked_license_is_refused_with_a_message_in_the_chosen_language()
    {
        await using var site = await ConsoleSite.StartAsync();
        var (companyId, _) = await CompanyRows.AddAsync(site, "Drukkerij De Vries", "info@drukkerij.example");
        var password = await site.AddStaffAsync("support@vendor.example", "support");
        var page = await browser.NewPageAsync();
        await site.SignInAsync(page, "support@vendor.example", password);
        await page.GotoAsync(new Uri(site.Console, $"Companies/Detail/{companyId}").ToString());

        await page.GetByRole(AriaRole.Button, new() { Name = "Intrekken" }).ClickAsync();
        Assert.Equal("De licentie is ingetrokken.", await page.Locator("#action-notice").InnerTextAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Suspend" }).ClickAsync();

        Assert.Equal("A revoked license cannot be suspended; reinstate it first.", await page.Locator("#action-refused").InnerTextAsync());
        Assert.Equal("revoked", await page.Locator("#license-state").InnerTextAsync());
        await ConsoleSite.ScreenshotAsync(page, "company-refused-en");
    }
}
