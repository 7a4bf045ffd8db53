using Faktum.Licensing.Server.WebConsole.Staff;
using Microsoft.AspNetCore.Mvc;

namespace Faktum.Licensing.Server.WebConsole.Pages;

/// <summary>The first factor: e-mail address and password. Then the TOTP page (or its set-up at the first sign-in).</summary>
public sealed class LoginModel : ConsolePageModel
{
    public string? Message { get; private set; }

    public string? Email { get; private set; }

    public async Task<IActionResult> OnPostAsync(string? email, string? password)
    {
        Email = email;
        var result = await HttpContext.RequestServices.GetRequiredService<StaffSignIn>()
            .CheckPasswordAsync(email, password, HttpContext.RequestAborted).ConfigureAwait(false);
        switch (result.Status)
        {
            case SignInStatus.NeedsTotp:
                await ConsoleSession.BeginSecondFactorAsync(HttpContext, result.Staff!).ConfigureAwait(false);
                return RedirectToPage("/LoginTotp");
            case SignInStatus.NeedsTotpSetup:
                await ConsoleSession.BeginSecondFactorAsync(HttpContext, result.Staff!).ConfigureAwait(false);
                return RedirectToPage("/TotpSetup");
            case SignInStatus.LockedOut:
                Message = "LockedOut";
                return Page();
            default:
                Message = "WrongCredentials";
                return Page();
        }
    }
}
