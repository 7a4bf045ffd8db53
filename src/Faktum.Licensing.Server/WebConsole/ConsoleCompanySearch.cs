using Faktum.Licensing.Companies;
using Faktum.Licensing.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Faktum.Licensing.Server.WebConsole;

/// <summary>
/// The console's one search box: a company by name (as typed, or its canonical form: "bakkerij jansen bv" finds
/// "Bakkerij Jansen B.V."), postcode, e-mail address or license id. At most 50 hits, newest first.
/// </summary>
internal sealed class ConsoleCompanySearch(LicensingDbContext db)
{
    public const int MaxHits = 50;

    public async Task<IReadOnlyList<ConsoleCompanyHit>> SearchAsync(string? query, CancellationToken cancellationToken)
    {
        var text = query?.Trim() ?? string.Empty;
        if (text.Length is 0 or > 200)
        {
            return [];
        }

        var lower = text.ToLowerInvariant();
        _ = CompanyName.Canonicalize(text, out _, out var canonical);
        var postcode = new string([.. text.Where(char.IsLetterOrDigit)]).ToUpperInvariant();
        var byLicense = db.Licenses.Where(l => l.Id == text).Select(l => l.CompanyId);
        // ToLower() is translated to SQL lower() (the analyzers' culture rules are about .NET strings, not SQL).
#pragma warning disable CA1304, CA1311, CA1862
        var hits = db.Companies.AsNoTracking().Where(c =>
            c.Name.ToLower().Contains(lower)
            || (canonical != null && c.IdentityKey.EndsWith(":" + canonical))
            || (canonical != null && canonical.Length >= 3 && c.IdentityKey.Contains(canonical))
            || (postcode.Length >= 4 && c.Postcode.Replace(" ", string.Empty) == postcode)
            || c.Account!.Email == lower
            || byLicense.Contains(c.Id));
#pragma warning restore CA1304, CA1311, CA1862
        return await hits.OrderByDescending(c => c.CreatedAt).Take(MaxHits)
            .Select(c => new ConsoleCompanyHit(c.Id, c.Name, c.Postcode, c.City, c.Country, c.Account!.Email))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }
}
