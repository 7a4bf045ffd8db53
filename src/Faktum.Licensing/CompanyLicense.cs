namespace Faktum.Licensing;

/// <summary>
/// A company whose license this installation holds (S9; not <see cref="Tokens.LicensedCompany"/>, the company claim of a token), from <see cref="IFaktumLicensing.GetCompaniesAsync"/>. One installation
/// may hold the licenses of several companies (an owner of several businesses, an accountant); each keeps its own status, offline
/// grace and update entitlement.
/// </summary>
/// <param name="LicenseId">The license id (the token's <c>sub</c>, <c>lic_…</c>) that names the company on this installation: pass it
/// to <see cref="IFaktumLicensing.SelectCompanyAsync"/> or <see cref="IFaktumLicensing.RemoveCompanyAsync"/>.</param>
/// <param name="Profile">The registered company (S6).</param>
/// <param name="Status">Its status from this process' latest check, or before the first check its offline status.</param>
/// <param name="IsCurrent">Whether it is the company the host works in (<see cref="IFaktumLicensing.Current"/>).</param>
public sealed record CompanyLicense(string LicenseId, CompanyProfile Profile, LicenseStatus Status, bool IsCurrent);
