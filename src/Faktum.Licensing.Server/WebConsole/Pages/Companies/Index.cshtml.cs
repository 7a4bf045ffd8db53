using Faktum.Licensing.Server.Admin;

namespace Faktum.Licensing.Server.WebConsole.Pages.Companies;

/// <summary>Companies: one search box for name (canonical form too), postcode, e-mail address or license id.</summary>
public sealed class CompaniesModel : ConsolePageModel
{
    public const int MaxHits = 50;

    public string? Query { get; private set; }

    internal IReadOnlyList<AdminCompanySummaryDto> Hits { get; private set; } = [];

    public async Task OnGetAsync(string? q)
    {
        Query = q?.Trim();
        Hits = Query is { Length: > 0 and <= 200 }
            ? await HttpContext.RequestServices.GetRequiredService<AdminQueries>().SearchCompaniesAsync(Query, MaxHits, HttpContext.RequestAborted).ConfigureAwait(false)
            : [];
    }
}
