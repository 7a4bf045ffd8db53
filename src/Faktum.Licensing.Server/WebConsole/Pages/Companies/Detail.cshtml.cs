using Faktum.Licensing.Server.Admin;
using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.WebConsole.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Server.WebConsole.Pages.Companies;

/// <summary>
/// A company: its registered name (immutable), address and contact, the account's other companies, each license with its
/// seats and installations, move budget, entitlements and copy detection, and — for support and owner — the actions. Every
/// action is a POST with the antiforgery token, checked against the support policy again. Bad input re-renders the page
/// with the reason at its field (and nothing changed); every other outcome redirects with a notice or a refusal.
/// </summary>
public sealed class CompanyDetailModel : ConsolePageModel
{
    internal AdminCompanyDto? Company { get; private set; }

    internal IReadOnlyList<AdminCompanySummaryDto> OtherCompanies { get; private set; } = [];

    internal IReadOnlyDictionary<string, ConsoleLicensePanel> Panels { get; private set; } = new Dictionary<string, ConsoleLicensePanel>();

    internal FaktumServerOptions Settings => HttpContext.RequestServices.GetRequiredService<IOptions<FaktumServerOptions>>().Value;

    /// <summary>Gets the refusal of bad input shown at its field: the license, the field, the result and the value typed.</summary>
    internal (string LicenseId, ConsoleActionResult Result, string? Typed)? FieldError { get; private set; }

    private ConsoleActions Actions => HttpContext.RequestServices.GetRequiredService<ConsoleActions>();

    public async Task<IActionResult> OnGetAsync(string id) =>
        await LoadAsync(id).ConfigureAwait(false) ? Page() : NotFound();

    public async Task<IActionResult> OnPostActAsync(string id, string? licenseId, string? action, int days, DateOnly? endsAt, string? installationId)
    {
        if (!await AllowedAsync(StaffRoles.SupportPolicy).ConfigureAwait(false))
        {
            return Forbid();
        }

        var end = endsAt is { } date ? new DateTimeOffset(date.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero) : (DateTimeOffset?)null;
        var result = await Actions.OnLicenseAsync(id, licenseId ?? string.Empty, action ?? string.Empty, days, end, installationId, HttpContext.RequestAborted).ConfigureAwait(false);
        return await RespondAsync(id, licenseId, result, null).ConfigureAwait(false);
    }

    public async Task<IActionResult> OnPostResendAsync(string id)
    {
        if (!await AllowedAsync(StaffRoles.SupportPolicy).ConfigureAwait(false))
        {
            return Forbid();
        }

        return await RespondAsync(id, null, await Actions.ResendConfirmationAsync(id, HttpContext.RequestAborted).ConfigureAwait(false), null).ConfigureAwait(false);
    }

    public Task<IActionResult> OnPostSeatsAsync(string id, string? licenseId, string? seats) =>
        ActAsync(id, licenseId, seats, (license, c) => Actions.SetSeatsAsync(id, license, seats, c));

    public Task<IActionResult> OnPostGrantMoveAsync(string id, string? licenseId) =>
        ActAsync(id, licenseId, null, (license, c) => Actions.GrantMoveAsync(id, license, c));

    public Task<IActionResult> OnPostEntitlementsAsync(string id, string? licenseId, string? entitlements) =>
        ActAsync(id, licenseId, entitlements, (license, c) => Actions.SetEntitlementsAsync(id, license, entitlements, c));

    public Task<IActionResult> OnPostRemoveEntitlementAsync(string id, string? licenseId, string? name) =>
        ActAsync(id, licenseId, null, (license, c) => Actions.RemoveEntitlementAsync(id, license, name, e => Defaults(e.Product, e.Kind), c));

    public Task<IActionResult> OnPostDefaultEntitlementsAsync(string id, string? licenseId) =>
        ActAsync(id, licenseId, null, (license, c) => Actions.DefaultEntitlementsAsync(id, license, c));

    public Task<IActionResult> OnPostClearCopiesAsync(string id, string? licenseId) =>
        ActAsync(id, licenseId, null, (license, c) => Actions.ClearCopiesAsync(id, license, c));

    /// <summary>The default entitlements of a license of this kind: a trial gets its product's <c>TrialEntitlements</c>; paid, none.</summary>
    internal IReadOnlyList<string> Defaults(string? product, string kind) =>
        kind == "trial" && product is not null && Settings.TrialEntitlements.TryGetValue(product, out var names) ? [.. names.Distinct(StringComparer.Ordinal)] : [];

    private async Task<IActionResult> ActAsync(string id, string? licenseId, string? typed, Func<string, CancellationToken, Task<ConsoleActionResult>> act)
    {
        if (!await AllowedAsync(StaffRoles.SupportPolicy).ConfigureAwait(false))
        {
            return Forbid();
        }

        var result = await act(licenseId ?? string.Empty, HttpContext.RequestAborted).ConfigureAwait(false);
        return await RespondAsync(id, licenseId, result, typed).ConfigureAwait(false);
    }

    private async Task<IActionResult> RespondAsync(string id, string? licenseId, ConsoleActionResult result, string? typed)
    {
        if (result.Field is null || licenseId is null)
        {
            return RedirectToPage(new { id, notice = result.Done ? result.Code : null, refused = result.Done ? null : result.Code });
        }

        FieldError = (licenseId, result, typed);
        return await LoadAsync(id).ConfigureAwait(false) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(string id)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var services = HttpContext.RequestServices;
        var queries = services.GetRequiredService<AdminQueries>();
        Company = await queries.CompanyAsync(id, cancellationToken).ConfigureAwait(false);
        if (Company is null)
        {
            return false;
        }

        OtherCompanies = await queries.AccountCompaniesAsync(id, cancellationToken).ConfigureAwait(false);
        var seats = services.GetRequiredService<SeatAdminOperations>();
        var features = services.GetRequiredService<LicenseFeatureOperations>();
        var panels = new Dictionary<string, ConsoleLicensePanel>(StringComparer.Ordinal);
        foreach (var license in Company.Licenses)
        {
            panels[license.Id] = new ConsoleLicensePanel(
                (await seats.DescribeAsync(license.Id, cancellationToken).ConfigureAwait(false))!,
                (await features.EntitlementsAsync(license.Id, cancellationToken).ConfigureAwait(false))!,
                Defaults(license.Product, license.Kind),
                (await features.CopiesAsync(license.Id, cancellationToken).ConfigureAwait(false))!);
        }

        Panels = panels;
        return true;
    }
}
