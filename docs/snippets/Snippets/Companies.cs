using Faktum.Licensing;

namespace Faktum.Licensing.Docs.Snippets;

/// <summary>docs/sdk.md, "Several companies on one installation".</summary>
internal static class Companies
{
    public static async Task ListAndSwitchAsync(IFaktumLicensing licensing, Func<IReadOnlyList<CompanyLicense>, CompanyLicense?> askWhichCompany, Action<CompanyLicense> show)
    {
        #region companies
        await licensing.CheckAsync();                                        // one call checks every company's license
        var companies = (await licensing.GetCompaniesAsync()).EnsureSuccess(); // by name, each with its own Status
        foreach (var company in companies)
        {
            show(company);                                                   // Profile.Name, Status.State/DaysLeft/Mode, IsCurrent
        }

        if (askWhichCompany(companies) is { } chosen)
        {
            await licensing.SelectCompanyAsync(chosen.LicenseId);           // Current and StatusChanged follow; kept for the next start
        }
        #endregion
    }

    public static async Task RecoverAsync(IFaktumLicensing licensing, string email, string password, Func<IReadOnlyList<AccountCompany>, IReadOnlyList<string>> askWhichToBring)
    {
        #region recover-companies
        var confirmed = await licensing.ConfirmAsync(email, password);
        if (confirmed.Failure == LicensingFailure.CompanyChoiceRequired)
        {
            // The address owns several companies (confirmed.Companies, IsOnThisInstallation marked); the password is not spent.
            confirmed = await licensing.ConfirmAsync(email, password, new SeatChoice { LicenseIds = askWhichToBring(confirmed.Companies) });
        }

        if (confirmed.Failure == LicensingFailure.SeatsFull)
        {
            // confirmed.LicenseId and confirmed.CompanyName say whose seats are full; add one of confirmed.Installations to
            // SeatChoice.ReleaseInstallationIds (one per full license) and confirm again.
        }
        #endregion
    }

    public static async Task RemoveAsync(IFaktumLicensing licensing, CompanyLicense company)
    {
        #region remove-company
        var removed = await licensing.RemoveCompanyAsync(company.LicenseId);  // frees this computer's seat, then forgets the license
        if (removed.Failure == LicensingFailure.ServerUnreachable)
        {
            // Nothing was removed: try again when the server can be reached.
        }
        #endregion
    }
}
