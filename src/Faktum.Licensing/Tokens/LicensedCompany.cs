namespace Faktum.Licensing.Tokens;

/// <summary>The company a license belongs to, as registered.</summary>
/// <param name="Name">The company name as registered; it never changes.</param>
/// <param name="Postcode">The postcode in its canonical display form.</param>
/// <param name="Country">The ISO 3166-1 alpha-2 country code.</param>
/// <param name="IdentityKey">The canonical identity key of (name, postcode, country): one license per key.</param>
public sealed record LicensedCompany(string Name, string Postcode, string Country, string IdentityKey);
