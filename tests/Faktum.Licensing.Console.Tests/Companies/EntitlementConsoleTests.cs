using Faktum.Licensing.Console.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Faktum.Licensing.Console.Tests.Companies;

/// <summary>A license's entitlements on the company page: the trial default shown, set, one removed, back to the default.</summary>
[Collection(ConsoleBrowserCollection.Name)]
public sealed class EntitlementConsoleTests(ConsoleBrowser browser)
{
    [Fact]
    public async Task Entitlements_set_removed_and_returned_to_the_trial_default_in_the_page_are_the_licenses_in_the_admin_api_each_with_an_audit_row()
    {
        await using var site = await ConsoleSite.StartAsync(c => c["FaktumServer:TrialEntitlements:faktum-factuur:0"] = "basis");
        var (companyId, licenseId) = await CompanyRows.AddAsync(site, "Drukkerij De Vries", "info@drukkerij.example");
        var page = await site.OpenCompanyAsync(browser, companyId);
        Assert.Equal("De standaard van een proeflicentie van dit product (niets ingesteld).", await page.Locator("#entitlements-source").InnerTextAsync());
        Assert.Equal(["basis"], await page.Locator("#entitlement-list code").AllInnerTextsAsync());

        await page.GetByLabel("Rechten", new() { Exact = true }).FillAsync("export, multi-currency");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rechten opslaan" }).ClickAsync();
        Assert.Equal("De rechten zijn opgeslagen.", await page.Locator("#action-notice").InnerTextAsync());
        Assert.Equal("Voor deze licentie ingesteld.", await page.Locator("#entitlements-source").InnerTextAsync());
        Assert.Equal("export,multi-currency", await EntitlementsAsync(site, licenseId));
        await ConsoleSite.ScreenshotAsync(page, "company-entitlements");

        await page.GetByRole(AriaRole.Button, new() { Name = "Recht export verwijderen" }).ClickAsync();
        Assert.Equal("multi-currency", await EntitlementsAsync(site, licenseId));
        Assert.Equal(["multi-currency"], await page.Locator("#entitlement-list code").AllInnerTextsAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Terug naar de standaard" }).ClickAsync();
        Assert.Null(await EntitlementsAsync(site, licenseId));
        Assert.Equal(["basis"], await page.Locator("#entitlement-list code").AllInnerTextsAsync());

        var audit = await site.AuditAsync(licenseId, "license-entitlements-set");
        Assert.Equal(["entitlements: [export, multi-currency]", "entitlements: [multi-currency]", "entitlements: the default"], audit.Select(a => a.Detail));
        Assert.All(audit, a => Assert.Equal((Server.Storage.AuditSource.Console, "support@vendor.example"), (a.Source, a.Actor)));
    }

    [Theory]
    [InlineData("export, multi€currency", "'multi€currency' is geen geldige naam: 1 tot 64 tekens, alleen letters (zonder accenten), cijfers en . - _ :")]
    [InlineData("too-many", "Een licentie heeft hoogstens 32 rechten.")]
    public async Task An_entitlement_list_that_breaks_the_rules_is_refused_at_the_field_in_dutch_and_changes_nothing(string typed, string reason)
    {
        typed = typed == "too-many" ? string.Join(", ", Enumerable.Range(1, 33).Select(i => $"module-{i}")) : typed;
        await using var site = await ConsoleSite.StartAsync();
        var (companyId, licenseId) = await CompanyRows.AddAsync(site, "Drukkerij De Vries", "info@drukkerij.example");
        var page = await site.OpenCompanyAsync(browser, companyId);

        var field = page.GetByLabel("Rechten", new() { Exact = true });
        await field.FillAsync(typed);
        await page.GetByRole(AriaRole.Button, new() { Name = "Rechten opslaan" }).ClickAsync();

        Assert.Equal(reason, await page.Locator($"#entitlements-error-{licenseId}").InnerTextAsync());
        Assert.Equal("true", await field.GetAttributeAsync("aria-invalid"));
        Assert.Equal(typed, await field.InputValueAsync());
        Assert.Null(await EntitlementsAsync(site, licenseId));
        Assert.Empty(await site.AuditAsync(licenseId, "license-entitlements-set"));
        await ConsoleSite.ScreenshotAsync(page, "company-entitlements-refused");
    }

    /// <summary>The license's entitlements as the admin API reads them, comma-separated; <see langword="null"/>: the default.</summary>
    private static async Task<string?> EntitlementsAsync(ConsoleSite site, string licenseId)
    {
        var entitlements = (await site.AdminGetAsync($"v1/admin/licenses/{licenseId}/entitlements")).GetProperty("entitlements");
        return entitlements.ValueKind == System.Text.Json.JsonValueKind.Null ? null : string.Join(',', entitlements.EnumerateArray().Select(e => e.GetString()));
    }
}
