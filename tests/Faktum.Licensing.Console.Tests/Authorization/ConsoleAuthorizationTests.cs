using Faktum.Licensing.Console.Tests.Infrastructure;
using Faktum.Licensing.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Faktum.Licensing.Console.Tests.Authorization;

[Collection(ConsoleBrowserCollection.Name)]
public sealed class ConsoleAuthorizationTests(ConsoleBrowser browser)
{
    [Fact]
    public async Task A_read_only_staff_member_sees_no_action_button_and_a_forged_post_with_a_valid_token_is_refused()
    {
        await using var site = await ConsoleSite.StartAsync();
        var (companyId, licenseId) = await CompanyRows.AddAsync(site, "Drukkerij De Vries", "info@drukkerij.example");
        var password = await site.AddStaffAsync("lees@vendor.example", "read-only");
        var page = await browser.NewPageAsync();
        await site.SignInAsync(page, "lees@vendor.example", password);

        await page.GotoAsync(new Uri(site.Console, $"Companies/Detail/{companyId}").ToString());
        Assert.Equal("Drukkerij De Vries", await page.Locator("#company-name").InnerTextAsync());
        Assert.Equal(0, await page.Locator("#mark-paid").CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Schorsen" }).CountAsync());
        await ConsoleSite.ScreenshotAsync(page, "company-read-only");

        // The layout's sign-out form carries the antiforgery token of this session; a forged action form reuses it.
        var token = await page.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");
        var forged = await page.Context.APIRequest.PostAsync(new Uri(site.Console, $"Companies/Detail/{companyId}?handler=Act").ToString(), new APIRequestContextOptions
        {
            Form = page.Context.APIRequest.CreateFormData().Set("__RequestVerificationToken", token!).Set("licenseId", licenseId).Set("action", "suspend"),
            MaxRedirects = 0,
        });

        Assert.Equal(403, forged.Status);
        Assert.Equal(LicenseRecordStatus.Active, await site.WithDatabaseAsync(db => db.Licenses.Where(l => l.Id == licenseId).Select(l => l.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        await using var site = await ConsoleSite.StartAsync();
        var (companyId, licenseId) = await CompanyRows.AddAsync(site, "Drukkerij De Vries", "info@drukkerij.example");
        var password = await site.AddStaffAsync("support@vendor.example", "support");
        var page = await browser.NewPageAsync();
        await site.SignInAsync(page, "support@vendor.example", password);
        await page.GotoAsync(new Uri(site.Console, $"Companies/Detail/{companyId}").ToString());
        Assert.Equal(1, await page.Locator("#mark-paid").CountAsync());

        var withoutToken = await page.Context.APIRequest.PostAsync(new Uri(site.Console, $"Companies/Detail/{companyId}?handler=Act").ToString(), new APIRequestContextOptions
        {
            Form = page.Context.APIRequest.CreateFormData().Set("licenseId", licenseId).Set("action", "suspend"),
            MaxRedirects = 0,
        });

        Assert.Equal(400, withoutToken.Status);
        Assert.Equal(LicenseRecordStatus.Active, await site.WithDatabaseAsync(db => db.Licenses.Where(l => l.Id == licenseId).Select(l => l.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_page_without_a_session_sends_the_browser_to_the_sign_in_page()
    {
        await using var site = await ConsoleSite.StartAsync();
        var page = await browser.NewPageAsync();

        var response = await page.GotoAsync(new Uri(site.Console, "Companies").ToString());

        Assert.Contains("/console/login", page.Url, StringComparison.OrdinalIgnoreCase);
        var csp = await response!.HeaderValueAsync("content-security-policy");
        Assert.DoesNotContain("script-src", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("no-store", await response.HeaderValueAsync("cache-control"));
    }
}
