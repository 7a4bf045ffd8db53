using Faktum.Licensing.Server.Admin;
using Faktum.Licensing.Server.Storage;
using Faktum.Licensing.Server.WebConsole.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Faktum.Licensing.Server.WebConsole.Pages.Companies;

/// <summary>
/// A company: its registered name (immutable), address and contact, each license with its installations, and — for support
/// and owner — the actions. Every action is a POST with the antiforgery token, checked against the support policy again.
/// </summary>
public sealed class CompanyDetailModel : ConsolePageModel
{
    internal AdminCompanyDto? Company { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var db = HttpContext.RequestServices.GetRequiredService<LicensingDbContext>();
        var identityKey = await db.Companies.AsNoTracking().Where(c => c.Id == id).Select(c => c.IdentityKey).SingleOrDefaultAsync(HttpContext.RequestAborted).ConfigureAwait(false);
        Company = identityKey is null ? null
            : await HttpContext.RequestServices.GetRequiredService<AdminOperations>().LookupByIdentityAsync(identityKey, HttpContext.RequestAborted).ConfigureAwait(false);
        return Company is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostActAsync(string id, string? licenseId, string? action, int days, DateOnly? endsAt)
    {
        if (!await AllowedAsync(StaffRoles.SupportPolicy).ConfigureAwait(false))
        {
            return Forbid();
        }

        var end = endsAt is { } date ? new DateTimeOffset(date.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero) : (DateTimeOffset?)null;
        var result = await HttpContext.RequestServices.GetRequiredService<ConsoleActions>()
            .RunAsync(id, licenseId ?? string.Empty, action ?? string.Empty, days, end, HttpContext.RequestAborted).ConfigureAwait(false);
        return RedirectToPage(new { id, notice = result.Done ? result.Code : null, refused = result.Done ? null : result.Code });
    }
}
