using Faktum.Licensing.Server.WebConsole.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Faktum.Licensing.Server.WebConsole.Pages;

/// <summary>
/// The console pages' base: what the signed-in staff member may do. Pages show a button only when it may be used, and
/// every POST handler checks the same policy again (a forged POST is 403, whatever the page showed).
/// </summary>
public abstract class ConsolePageModel : PageModel
{
    /// <summary>Gets a stable code of what the last action did (shown through the string table), from the query.</summary>
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "notice")]
    public string? Notice { get; set; }

    /// <summary>Gets a stable code of why the last action was refused, from the query.</summary>
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "refused")]
    public string? Refused { get; set; }

    public bool CanSupport => User.IsInRole(StaffRoles.Support) || User.IsInRole(StaffRoles.Owner);

    public bool CanOwn => User.IsInRole(StaffRoles.Owner);

    /// <summary>Gets the signed-in staff member's e-mail address: the console's audit actor.</summary>
    public string StaffEmail => User.Identity?.Name ?? "unknown";

    /// <summary>Every console handler runs with the console and the signed-in staff member as the audit actor.</summary>
    public override Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (User.Identity is { IsAuthenticated: true, AuthenticationType: ConsoleHosting.Scheme, Name: { Length: > 0 } email })
        {
            HttpContext.RequestServices.GetRequiredService<Admin.AuditActor>().Set(Storage.AuditSource.Console, email);
        }

        return next();
    }

    /// <summary>
    /// Checks the second factor (at sign-in, or confirming its set-up): signed in → the home page; locked out → the second
    /// factor's cookie is dropped and the code is <c>LockedOut</c>; otherwise no result and <c>WrongCode</c>.
    /// </summary>
    protected async Task<(IActionResult? Done, string Message)> CheckSecondFactorAsync(string staffId, string? code, bool confirmingSetup)
    {
        var result = await HttpContext.RequestServices.GetRequiredService<StaffSignIn>()
            .CheckTotpAsync(staffId, code, confirmingSetup, HttpContext.RequestAborted).ConfigureAwait(false);
        switch (result.Status)
        {
            case SignInStatus.SignedIn:
                await ConsoleSession.SignInAsync(HttpContext, result.Staff!).ConfigureAwait(false);
                return (RedirectToPage("/Index"), string.Empty);
            case SignInStatus.LockedOut:
                await HttpContext.SignOutAsync(ConsoleHosting.SecondFactorScheme).ConfigureAwait(false);
                return (Page(), "LockedOut");
            default:
                return (null, "WrongCode");
        }
    }

    protected async Task<bool> AllowedAsync(string policy) =>
        (await HttpContext.RequestServices.GetRequiredService<IAuthorizationService>().AuthorizeAsync(User, policy).ConfigureAwait(false)).Succeeded;
}
