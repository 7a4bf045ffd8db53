using Faktum.Licensing.Console.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Faktum.Licensing.Console.Tests.SignIn;

[Collection(ConsoleBrowserCollection.Name)]
public sealed class StaffSignInTests(ConsoleBrowser browser)
{
    private const string Email = "anna@vendor.example";

    [Fact]
    public async Task Staff_signs_in_with_password_and_a_totp_set_up_at_the_first_sign_in_then_with_a_code()
    {
        await using var site = await ConsoleSite.StartAsync();
        var password = await site.AddStaffAsync(Email, "support");
        var page = await browser.NewPageAsync();

        site.Server.Time.Advance(TimeSpan.FromSeconds(30));
        await site.SubmitPasswordAsync(page, Email, password);
        Assert.Contains("/console/TotpSetup", page.Url, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, await page.Locator("img[src^='data:image/png;base64,']").CountAsync());
        await ConsoleSite.ScreenshotAsync(page, "totp-setup");
        page = await browser.NewPageAsync();

        await site.SignInAsync(page, Email, password);
        Assert.Equal("Start", await page.Locator("h1").InnerTextAsync());
        await ConsoleSite.ScreenshotAsync(page, "home");

        await page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" }).ClickAsync();
        Assert.Contains("/console/Login", page.Url, StringComparison.OrdinalIgnoreCase);
        await site.SignInAsync(page, Email, password);
        Assert.Equal("Start", await page.Locator("h1").InnerTextAsync());

        var cookies = await page.Context.CookiesAsync();
        var session = Assert.Single(cookies, c => c.Name == "faktum-console");
        Assert.True(session.HttpOnly);
        Assert.True(session.Secure);
        Assert.Equal(SameSiteAttribute.Strict, session.SameSite);
        Assert.Equal(-1, session.Expires); // a session cookie; the server slides the ticket's expiry
    }

    [Fact]
    public async Task A_wrong_totp_code_is_refused_and_a_used_code_is_not_accepted_twice()
    {
        await using var site = await ConsoleSite.StartAsync();
        var password = await site.AddStaffAsync(Email, "support");
        var page = await browser.NewPageAsync();
        await site.SignInAsync(page, Email, password);
        var used = site.TotpCode(Email);

        var second = await browser.NewPageAsync();
        await site.SubmitPasswordAsync(second, Email, password);
        await second.GetByLabel("Code uit je authenticator-app (6 cijfers)").FillAsync(used == "000000" ? "111111" : "000000");
        await second.GetByRole(AriaRole.Button, new() { Name = "Bevestigen" }).ClickAsync();
        Assert.Equal("De code klopt niet (of is al gebruikt).", await second.Locator("#sign-in-error").InnerTextAsync());
        await ConsoleSite.ScreenshotAsync(second, "totp-wrong");

        await second.GetByLabel("Code uit je authenticator-app (6 cijfers)").FillAsync(used);
        await second.GetByRole(AriaRole.Button, new() { Name = "Bevestigen" }).ClickAsync();
        Assert.Equal("De code klopt niet (of is al gebruikt).", await second.Locator("#sign-in-error").InnerTextAsync());
        Assert.Contains("/console/LoginTotp", second.Url, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_even_for_the_right_password_until_the_lockout_ends()
    {
        await using var site = await ConsoleSite.StartAsync();
        var password = await site.AddStaffAsync(Email, "read-only");
        var page = await browser.NewPageAsync();
        await site.SignInAsync(page, Email, password);

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await site.SubmitPasswordAsync(page, Email, "not-the-password-" + attempt);
        }

        Assert.Equal("Te veel mislukte pogingen: het account is tijdelijk geblokkeerd. Probeer het later opnieuw.", await page.Locator("#sign-in-error").InnerTextAsync());
        Assert.NotNull(await site.WithDatabaseAsync(db => db.ConsoleStaff.Where(s => s.Email == Email).Select(s => s.LockedUntil).SingleAsync()));
        await ConsoleSite.ScreenshotAsync(page, "locked-out");

        await site.SubmitPasswordAsync(page, Email, password);
        Assert.Equal("Te veel mislukte pogingen: het account is tijdelijk geblokkeerd. Probeer het later opnieuw.", await page.Locator("#sign-in-error").InnerTextAsync());

        site.Server.Time.Advance(TimeSpan.FromMinutes(16));
        await site.SignInAsync(page, Email, password);
        Assert.Equal("Start", await page.Locator("h1").InnerTextAsync());
    }

    [Fact]
    public async Task An_unknown_address_and_a_wrong_password_get_the_same_answer()
    {
        await using var site = await ConsoleSite.StartAsync();
        await site.AddStaffAsync(Email, "owner");
        var page = await browser.NewPageAsync();

        await site.SubmitPasswordAsync(page, "nobody@vendor.example", "whatever-password");
        var unknown = await page.Locator("#sign-in-error").InnerTextAsync();
        await site.SubmitPasswordAsync(page, Email, "whatever-password");

        Assert.Equal("E-mailadres of wachtwoord klopt niet.", unknown);
        Assert.Equal(unknown, await page.Locator("#sign-in-error").InnerTextAsync());
        await ConsoleSite.ScreenshotAsync(page, "login");
    }
}
