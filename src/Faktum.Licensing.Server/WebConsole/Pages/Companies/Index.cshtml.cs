namespace Faktum.Licensing.Server.WebConsole.Pages.Companies;

/// <summary>Companies: one search box for name (canonical form too), postcode, e-mail address or license id.</summary>
public sealed class CompaniesModel : ConsolePageModel
{
    public string? Query { get; private set; }

    internal IReadOnlyList<ConsoleCompanyHit> Hits { get; private set; } = [];

    public async Task OnGetAsync(string? q)
    {
        Query = q?.Trim();
        Hits = await HttpContext.RequestServices.GetRequiredService<ConsoleCompanySearch>().SearchAsync(Query, HttpContext.RequestAborted).ConfigureAwait(false);
    }
}
