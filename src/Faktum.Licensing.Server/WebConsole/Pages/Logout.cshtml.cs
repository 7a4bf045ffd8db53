using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Faktum.Licensing.Server.WebConsole.Pages;

/// <summary>Signs out (POST only, with the antiforgery token like every form).</summary>
public sealed class LogoutModel : ConsolePageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(ConsoleHosting.Scheme).ConfigureAwait(false);
        return RedirectToPage("/Login");
    }
}
