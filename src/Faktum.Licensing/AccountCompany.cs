namespace Faktum.Licensing;

/// <summary>
/// One company of the account a recovery's one-time password proved (S9), as <see cref="LicensingFailure.CompanyChoiceRequired"/>
/// lists them in <see cref="LicensingResult{TValue}.Companies"/>: what the user recognises it by, and the license id to name in
/// <see cref="SeatChoice.LicenseIds"/>.
/// </summary>
/// <param name="LicenseId">The company's license id, to pass in <see cref="SeatChoice.LicenseIds"/>.</param>
/// <param name="Name">The company name.</param>
/// <param name="Postcode">The postcode.</param>
/// <param name="City">The city.</param>
/// <param name="Country">The ISO 3166-1 alpha-2 country code.</param>
/// <param name="IsOnThisInstallation">Whether this installation already holds the company's license.</param>
public sealed record AccountCompany(string LicenseId, string Name, string Postcode, string City, string Country, bool IsOnThisInstallation);
