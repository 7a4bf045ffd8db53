using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;

namespace Faktum.Licensing.Server.WebConsole.Pages;

/// <summary>The second factor: a TOTP code from the staff member's authenticator app.</summary>
public sealed class LoginTotpModel : ConsolePageModel
{
    public string? Message { get; private set; }

    public async Task<IActionResult> OnPostAsync(string? code)
    {
        var staffId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var (done, message) = await CheckSecondFactorAsync(staffId, code, confirmingSetup: false).ConfigureAwait(false);
        Message = message;
        return done ?? Page();
    }
}
