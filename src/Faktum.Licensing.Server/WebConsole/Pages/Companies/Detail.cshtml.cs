using Faktum.Licensing.Server.Admin;
using Faktum.Licensing.Server.WebConsole.Staff;
using Microsoft.AspNetCore.Mvc;

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
        Company = await HttpContext.RequestServices.GetRequiredService<AdminQueries>().CompanyAsync(id, HttpContext.RequestAborted).ConfigureAwait(false);
        return Company is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostActAsync(string id, string? licenseId, string? action, int days, DateOnly? endsAt, string? installationId)
    {
        if (!await AllowedAsync(StaffRoles.SupportPolicy).ConfigureAwait(false))
        {
            return Forbid();
        }

        var end = endsAt is { } date ? new DateTimeOffset(date.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero) : (DateTimeOffset?)null;
        var result = await HttpContext.RequestServices.GetRequiredService<ConsoleActions>()
            .OnLicenseAsync(id, licenseId ?? string.Empty, action ?? string.Empty, days, end, installationId, HttpContext.RequestAborted).ConfigureAwait(false);
        return RedirectToPage(new { id, notice = result.Done ? result.Code : null, refused = result.Done ? null : result.Code });
    }

    public async Task<IActionResult> OnPostResendAsync(string id)
    {
        if (!await AllowedAsync(StaffRoles.SupportPolicy).ConfigureAwait(false))
        {
            return Forbid();
        }

        var result = await HttpContext.RequestServices.GetRequiredService<ConsoleActions>().ResendConfirmationAsync(id, HttpContext.RequestAborted).ConfigureAwait(false);
        return RedirectToPage(new { id, notice = result.Done ? result.Code : null, refused = result.Done ? null : result.Code });
    }
}
