using System.Security.Claims;
using Faktum.Licensing.Server.Storage;
using Faktum.Licensing.Server.WebConsole.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace Faktum.Licensing.Server.WebConsole;

/// <summary>
/// The console's two cookies: after the password, a five-minute second-factor cookie that only opens the TOTP pages; after
/// the code, the session cookie with the staff id, e-mail, role and a stamp of the password (a <c>staff reset</c> or a role
/// change ends every session at its next request).
/// </summary>
internal static class ConsoleSession
{
    private const string StampClaim = "faktum:stamp";

    public static Task BeginSecondFactorAsync(HttpContext http, ConsoleStaff staff) =>
        http.SignInAsync(ConsoleHosting.SecondFactorScheme, new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, staff.Id)], ConsoleHosting.SecondFactorScheme)));

    public static async Task SignInAsync(HttpContext http, ConsoleStaff staff)
    {
        await http.SignOutAsync(ConsoleHosting.SecondFactorScheme).ConfigureAwait(false);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, staff.Id),
                new Claim(ClaimTypes.Name, staff.Email),
                new Claim(ClaimTypes.Role, StaffRoles.Name(staff.Role)),
                new Claim(StampClaim, Stamp(staff)),
            ],
            ConsoleHosting.Scheme,
            ClaimTypes.Name,
            ClaimTypes.Role);
        await http.SignInAsync(ConsoleHosting.Scheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = false }).ConfigureAwait(false);
    }

    /// <summary>Ends a session whose staff member was removed, reset or given another role since it began.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var id = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var db = context.HttpContext.RequestServices.GetRequiredService<LicensingDbContext>();
        var staff = id is null ? null : await db.ConsoleStaff.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, context.HttpContext.RequestAborted).ConfigureAwait(false);
        if (principal is null || staff is null || staff.TotpConfirmedAt is null
            || principal.FindFirstValue(StampClaim) != Stamp(staff)
            || !principal.IsInRole(StaffRoles.Name(staff.Role)))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(ConsoleHosting.Scheme).ConfigureAwait(false);
        }
    }

    private static string Stamp(ConsoleStaff staff) => Convert.ToBase64String(staff.PasswordSalt.AsSpan(0, 8));
}
