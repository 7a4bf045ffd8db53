using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Faktum.Licensing.Server.WebConsole.Pages;

/// <summary>The language switch: Dutch (default) or English, kept in a cookie; back to the page it came from.</summary>
public sealed class LanguageModel : ConsolePageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public IActionResult OnPost(string? culture, string? returnUrl)
    {
        var chosen = culture == "en" ? "en" : "nl";
        Response.Cookies.Append(ConsoleHosting.LanguageCookie, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)), new CookieOptions
        {
            Path = ConsoleHosting.PathPrefix,
            HttpOnly = true,
            Secure = true,
            SameSite = SameSiteMode.Strict,
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(365),
        });
        var back = returnUrl is { Length: > 0 } && Url.IsLocalUrl(returnUrl) && ConsoleHosting.IsConsolePath(new PathString(returnUrl.Split('?')[0]))
            ? returnUrl
            : ConsoleHosting.PathPrefix;
        return LocalRedirect(back);
    }
}
