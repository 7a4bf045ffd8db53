using Faktum.Licensing.Console.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Faktum.Licensing.Console.Tests.Companies;

/// <summary>One e-mail address, several companies (S9): each company's page links the account's others.</summary>
[Collection(ConsoleBrowserCollection.Name)]
public sealed class AccountCompaniesTests(ConsoleBrowser browser)
{
    [Fact]
    public async Task A_company_page_links_the_other_companies_of_its_account_and_no_company_of_another_account()
    {
        await using var site = await ConsoleSite.StartAsync();
        var (bakery, _) = await CompanyRows.AddAsync(site, "Bakkerij Jansen B.V.", "jan@jansen.example");
        var accountId = await site.WithDatabaseAsync(db => db.Companies.Where(c => c.Id == bakery).Select(c => c.AccountId).SingleAsync());

        // Until issue #18's schema: one account may hold one company, so the test database drops that unique index.
        await site.WithDatabaseAsync(db => db.Database.ExecuteSqlRawAsync("DROP INDEX IF EXISTS \"IX_Companies_AccountId\""));
        var (shop, _) = await CompanyRows.AddAsync(site, "Banketbakkerij Jansen", "jan@jansen.example", accountId);
        await CompanyRows.AddAsync(site, "Jansen Catering", "jan@jansen.example", accountId);
        await CompanyRows.AddAsync(site, "Drukkerij De Vries", "info@drukkerij.example");
        var page = await site.OpenCompanyAsync(browser, bakery);

        Assert.Equal(["Banketbakkerij Jansen", "Jansen Catering"], await page.Locator("#other-companies a").AllInnerTextsAsync());
        await ConsoleSite.ScreenshotAsync(page, "company-account-companies");
        await page.GetByRole(AriaRole.Link, new() { Name = "Banketbakkerij Jansen" }).ClickAsync();

        Assert.Equal("Banketbakkerij Jansen", await page.Locator("#company-name").InnerTextAsync());
        Assert.EndsWith(shop, new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(["Bakkerij Jansen B.V.", "Jansen Catering"], await page.Locator("#other-companies a").AllInnerTextsAsync());
    }
}
