using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Faktum.Licensing.Server.Registration;

/// <summary>
/// Which of the account's companies a confirmation brings to the installation (S9). A password mailed by the registration of a
/// company confirms that company. A recovery password of an account with one company that holds a license brings that company
/// (as before S9); with several, the request names them by license id (<c>licenses</c>), or the owner is asked to choose.
/// Runs under the account's lock; the licenses it returns are tracked, so the confirmation's changes to them are saved.
/// </summary>
internal sealed class CompanyChoice(LicensingDbContext db)
{
    public async Task<CompanyChoiceOutcome> ChooseAsync(
        Account account, OneTimePassword password, string product, IReadOnlyList<string>? licenseIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(password);
        var companies = await db.Companies.Where(c => c.AccountId == account.Id && (password.CompanyId == null || c.Id == password.CompanyId))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var ids = companies.Select(c => c.Id).ToList();
        var licenses = await db.Licenses.Where(l => ids.Contains(l.CompanyId)).ToListAsync(cancellationToken).ConfigureAwait(false);

        // Each company's license for the product (another product's, oldest first, when it has none: as before S9).
        var pairs = companies
            .Select(c => licenses.Where(l => l.CompanyId == c.Id).OrderBy(l => l.Product == product ? 0 : 1).ThenBy(l => l.CreatedAt).Select(l => new ChosenLicense(c, l)).FirstOrDefault())
            .OfType<ChosenLicense>()
            .OrderBy(p => p.Company.Name, StringComparer.Ordinal).ThenBy(p => p.Company.CreatedAt)
            .ToList();
        if (pairs.Count == 0)
        {
            return CompanyChoiceOutcome.Refused; // the company of the password is gone (released or purged since)
        }

        // A registration password confirms its own company; one of an unconfirmed account (of before S9) its only one.
        if (password.CompanyId is not null || account.EmailConfirmedAt is null)
        {
            return CompanyChoiceOutcome.Of([pairs.MinBy(p => p.Company.CreatedAt)!]);
        }

        // A recovery brings companies that hold a license; a company whose own registration is still pending is not one.
        var held = pairs.FindAll(p => p.License.Status != LicenseRecordStatus.Pending);
        var candidates = held.Count > 0 ? held : pairs;
        if (licenseIds is null)
        {
            return candidates.Count == 1
                ? CompanyChoiceOutcome.Of(candidates)
                : CompanyChoiceOutcome.ChoiceRequired([.. candidates.Select(p => new AccountCompanyDto(p.License.Id, p.Company.Name, p.Company.Postcode, p.Company.City, p.Company.Country))]);
        }

        // Named licenses: of this account and product, and bringable; anything else is refused alike (nothing to learn).
        var byId = candidates.Where(p => p.License.Product == product).ToDictionary(p => p.License.Id, StringComparer.Ordinal);
        var chosen = new List<ChosenLicense>(licenseIds.Count);
        foreach (var id in licenseIds)
        {
            if (!byId.TryGetValue(id, out var pair))
            {
                return CompanyChoiceOutcome.Refused;
            }

            chosen.Add(pair);
        }

        return CompanyChoiceOutcome.Of(chosen);
    }
}
