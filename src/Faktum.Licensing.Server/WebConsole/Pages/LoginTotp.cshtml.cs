using System.Security.Claims;
using Faktum.Licensing.Server.WebConsole.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Faktum.Licensing.Server.WebConsole.Pages;

/// <summary>The second factor: a TOTP code from the staff member's authenticator app.</summary>
public sealed class LoginTotpModel : ConsolePageModel
{
    public string? Message { get; private set; }

    public async Task<IActionResult> OnPostAsync(string? code)
    {
        var staffId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var result = await HttpContext.RequestServices.GetRequiredService<StaffSignIn>()
            .CheckTotpAsync(staffId, code, confirmingSetup: false, HttpContext.RequestAborted).ConfigureAwait(false);
        switch (result.Status)
        {
            case SignInStatus.SignedIn:
                await ConsoleSession.SignInAsync(HttpContext, result.Staff!).ConfigureAwait(false);
                return RedirectToPage("/Index");
            case SignInStatus.LockedOut:
                await HttpContext.SignOutAsync(ConsoleHosting.SecondFactorScheme).ConfigureAwait(false);
                Message = "LockedOut";
                return Page();
            default:
                Message = "WrongCode";
                return Page();
        }
    }
}
