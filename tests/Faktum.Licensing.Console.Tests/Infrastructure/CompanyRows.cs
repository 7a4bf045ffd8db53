using Faktum.Licensing.Server.Storage;

namespace Faktum.Licensing.Console.Tests.Infrastructure;

/// <summary>
/// Writes a company straight into the server's database, for names the registration rules would refuse (markup) but a
/// console must still render safely if they ever reach the database.
/// </summary>
internal static class CompanyRows
{
    /// <summary>Adds a company with a trial license; with <paramref name="accountId"/>, to that account (one e-mail address, several companies).</summary>
    public static async Task<(string CompanyId, string LicenseId)> AddAsync(ConsoleSite site, string name, string email, string? accountId = null)
    {
        var newAccount = accountId is null;
        accountId ??= Ids.New("acc");
        var companyId = Ids.New("cmp");
        var licenseId = Ids.New("lic");
        var now = site.Server.Time.GetUtcNow();
        await site.WithDatabaseAsync(async db =>
        {
            if (newAccount)
            {
                db.Accounts.Add(new Account { Id = accountId, Email = email, Mailbox = email, EmailConfirmedAt = now, CreatedAt = now });
            }

            db.Companies.Add(new Company
            {
                Id = companyId,
                IdentityKey = "NL:9999ZZ:" + Guid.NewGuid().ToString("N"),
                Name = name,
                Postcode = "9999 ZZ",
                Country = "NL",
                Street = "Kerkstraat",
                HouseNumber = "1",
                City = name,
                ContactName = name,
                AccountId = accountId,
                CreatedAt = now,
            });
            db.Licenses.Add(new License
            {
                Id = licenseId,
                CompanyId = companyId,
                Product = "faktum-factuur",
                Kind = StoredLicenseKind.Trial,
                Status = LicenseRecordStatus.Active,
                TrialEndsAt = now.AddDays(30),
                InstallationLimit = 1,
                CreatedAt = now,
            });
            return await db.SaveChangesAsync();
        });
        return (companyId, licenseId);
    }
}
