using System.Text;
using Faktum.Licensing.Server.Admin;
using Microsoft.AspNetCore.Mvc;

namespace Faktum.Licensing.Server.WebConsole.Pages;

/// <summary>The audit log (append-only): filter by company, actor and action, newest first; the same filter as CSV.</summary>
public sealed class AuditModel : ConsolePageModel
{
    public const int PageSize = 100;

    internal AdminAuditFilter Filter { get; private set; } = new();

    internal AdminPage<AdminAuditEntryDto>? Entries { get; private set; }

    public async Task OnGetAsync(string? companyId, string? actor, string? action, int p = 1)
    {
        Filter = MakeFilter(companyId, actor, action);
        Entries = await HttpContext.RequestServices.GetRequiredService<AdminAuditLog>()
            .ListAsync(Filter, Math.Max(1, p), PageSize, HttpContext.RequestAborted).ConfigureAwait(false);
    }

    public async Task<IActionResult> OnGetCsvAsync(string? companyId, string? actor, string? action)
    {
        var writer = new StringWriter();
        await HttpContext.RequestServices.GetRequiredService<AdminAuditLog>()
            .WriteCsvAsync(MakeFilter(companyId, actor, action), writer, HttpContext.RequestAborted).ConfigureAwait(false);
        return File(Encoding.UTF8.GetBytes(writer.ToString()), "text/csv; charset=utf-8", "audit-log.csv");
    }

    private static AdminAuditFilter MakeFilter(string? companyId, string? actor, string? action) =>
        new(companyId is { Length: > 0 } ? companyId : null, actor is { Length: > 0 } ? actor : null, action is { Length: > 0 } ? action : null);
}
