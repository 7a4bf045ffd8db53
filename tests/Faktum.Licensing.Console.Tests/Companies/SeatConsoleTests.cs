using System.Globalization;
using Faktum.Licensing.Console.Tests.Infrastructure;
using Faktum.Licensing.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Faktum.Licensing.Console.Tests.Companies;

/// <summary>Seats and the move budget (S8) on the company page: shown, set, and an extra move granted — each through the admin operations.</summary>
[Collection(ConsoleBrowserCollection.Name)]
public sealed class SeatConsoleTests(ConsoleBrowser browser)
{
    [Fact]
    public async Task The_page_shows_the_installation_holding_the_seat_and_three_seats_set_there_are_the_licenses_seats_with_an_audit_row()
    {
        await using var site = await ConsoleSite.StartAsync();
        using var app = new HostApp(site.Server, site.Server.Computer("kantoor"));
        (await app.Licensing.RegisterCompanyAsync(HostApp.Registration())).EnsureSuccess();
        var licenseId = (await app.Licensing.ConfirmAsync(HostApp.Email, site.Server.ReadOneTimePassword(HostApp.Email), new SeatChoice { Label = "Kantoor-PC" }))
            .EnsureSuccess().Claims!.LicenseId;
        await app.Licensing.CheckAsync();
        var companyId = await site.CompanyOfAsync(licenseId);
        var page = await site.OpenCompanyAsync(browser, companyId);

        Assert.Equal("1 van 1 plaatsen in gebruik.", await page.Locator("#seats-in-use").InnerTextAsync());
        var row = await page.Locator($"#installations-{licenseId} tbody tr").InnerTextAsync();
        Assert.Contains("Kantoor-PC", row, StringComparison.Ordinal);
        Assert.Contains("2.3.1", row, StringComparison.Ordinal);
        await page.GetByLabel("Aantal plaatsen (1 tot 1000)").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Plaatsen instellen" }).ClickAsync();

        Assert.Equal("Het aantal plaatsen is ingesteld.", await page.Locator("#action-notice").InnerTextAsync());
        Assert.Equal("1 van 3 plaatsen in gebruik.", await page.Locator("#seats-in-use").InnerTextAsync());
        var seats = await site.AdminGetAsync($"v1/admin/licenses/{licenseId}/seats");
        Assert.Equal(3, seats.GetProperty("seats").GetInt32());
        Assert.Equal("Kantoor-PC", seats.GetProperty("installations")[0].GetProperty("label").GetString());
        var audit = await site.AssertAuditedAsync(licenseId, "license-seats-set");
        Assert.Equal("{\"seats\":3}", audit.After);
        await ConsoleSite.ScreenshotAsync(page, "company-seats");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    public async Task A_number_of_seats_out_of_range_is_refused_at_the_field_in_dutch_and_changes_nothing(string typed)
    {
        await using var site = await ConsoleSite.StartAsync();
        var (companyId, licenseId) = await CompanyRows.AddAsync(site, "Drukkerij De Vries", "info@drukkerij.example");
        var page = await site.OpenCompanyAsync(browser, companyId);

        var field = page.GetByLabel("Aantal plaatsen (1 tot 1000)");
        await field.FillAsync(typed);
        await page.GetByRole(AriaRole.Button, new() { Name = "Plaatsen instellen" }).ClickAsync();

        Assert.Equal("Vul een aantal plaatsen van 1 tot 1000 in.", await page.Locator($"#seats-error-{licenseId}").InnerTextAsync());
        Assert.Equal("true", await field.GetAttributeAsync("aria-invalid"));
        Assert.Equal($"seats-error-{licenseId}", await field.GetAttributeAsync("aria-describedby"));
        Assert.Equal(typed, await field.InputValueAsync());
        Assert.Equal(1, (await site.AdminGetAsync($"v1/admin/licenses/{licenseId}/seats")).GetProperty("seats").GetInt32());
        Assert.Empty(await site.AuditAsync(licenseId, "license-seats-set"));
        await ConsoleSite.ScreenshotAsync(page, "company-seats-refused-" + typed);

        // The language switch from the refused form's page goes back to the company page, in English.
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await page.GetByLabel("Number of seats (1 to 1000)").FillAsync(typed);
        await page.GetByRole(AriaRole.Button, new() { Name = "Set seats" }).ClickAsync();
        Assert.Equal("Enter a number of seats from 1 to 1000.", await page.Locator($"#seats-error-{licenseId}").InnerTextAsync());
        Assert.Equal(1, (await site.AdminGetAsync($"v1/admin/licenses/{licenseId}/seats")).GetProperty("seats").GetInt32());
    }

    [Fact]
    public async Task A_spent_move_budget_shows_the_next_move_date_and_an_extra_move_granted_there_lets_the_next_move_through()
    {
        await using var site = await ConsoleSite.StartAsync(c => c["FaktumServer:MovesPerWindow"] = "1");
        using var first = new HostApp(site.Server, site.Server.Computer("pc1"));
        var licenseId = (await first.RegisterAndConfirmAsync(site.Server)).Claims!.LicenseId;
        using var second = new HostApp(site.Server, site.Server.Computer("pc2"));
        Assert.True((await site.RecoverAsync(second)).Succeeded);
        var movedAt = site.Server.Time.GetUtcNow();
        var companyId = await site.CompanyOfAsync(licenseId);
        var page = await site.OpenCompanyAsync(browser, companyId);

        Assert.Equal("0", await page.Locator("#moves-left").InnerTextAsync());
        Assert.Equal((movedAt + TimeSpan.FromDays(30)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC", await page.Locator("#next-move").InnerTextAsync());
        await ConsoleSite.ScreenshotAsync(page, "company-moves-spent");
        await page.GetByRole(AriaRole.Button, new() { Name = "Eén extra verhuizing toekennen" }).ClickAsync();

        Assert.Equal("Er is één extra verhuizing toegekend.", await page.Locator("#action-notice").InnerTextAsync());
        Assert.Equal(("1", "1", "nu mogelijk"), (await page.Locator("#moves-left").InnerTextAsync(), await page.Locator("#extra-moves").InnerTextAsync(), await page.Locator("#next-move").InnerTextAsync()));
        var seats = await site.AdminGetAsync($"v1/admin/licenses/{licenseId}/seats");
        Assert.Equal((1, 1), (seats.GetProperty("extraMoves").GetInt32(), seats.GetProperty("movesLeft").GetInt32()));
        Assert.Equal("{\"extraMoves\":1}", (await site.AssertAuditedAsync(licenseId, "license-move-granted")).After);

        using var third = new HostApp(site.Server, site.Server.Computer("pc3"));
        var moved = await site.RecoverAsync(third);
        Assert.True(moved.Succeeded, moved.Message);
    }
}
