using Faktum.Licensing.Console.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Faktum.Licensing.Console.Tests.Companies;

[Collection(ConsoleBrowserCollection.Name)]
public sealed class CompanyRenderingTests(ConsoleBrowser browser)
{
    [Theory]
    [InlineData("<script>alert(1)</script>", "markup")]
    [InlineData("مخبز الأمل", "arabic")]
    [InlineData("Café Ĳsselmeer & Zoën", "dutch-diacritics")]
    public async Task A_company_name_renders_as_text_in_search_results_and_on_its_page(string name, string shot)
    {
        await using var site = await ConsoleSite.StartAsync();
        var (companyId, _) = await CompanyRows.AddAsync(site, name, $"{shot}@klant.example");
        var password = await site.AddStaffAsync("support@vendor.example", "support");
        var page = await browser.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };
        await site.SignInAsync(page, "support@vendor.example", password);

        await page.GotoAsync(new Uri(site.Console, $"Companies?q={Uri.EscapeDataString(shot + "@klant.example")}").ToString());
        Assert.Equal(name, await page.GetByRole(AriaRole.Link, new() { Name = name }).InnerTextAsync());
        await page.GotoAsync(new Uri(site.Console, $"Companies/Detail/{companyId}").ToString());

        Assert.Equal(name, await page.Locator("#company-name").InnerTextAsync());
        Assert.Equal(name + " · Faktum Console", await page.TitleAsync());
        Assert.Equal(0, await page.Locator("main script").CountAsync());
        Assert.Equal(0, dialogs);
        await ConsoleSite.ScreenshotAsync(page, "company-name-" + shot);
    }
}
