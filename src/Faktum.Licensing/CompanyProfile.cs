namespace Faktum.Licensing;

/// <summary>The registered company (S6). The host uses the address as its invoice address; the name never changes.</summary>
/// <param name="Name">The company name as registered.</param>
/// <param name="Postcode">The postcode.</param>
/// <param name="Country">The ISO 3166-1 alpha-2 country code.</param>
/// <param name="Street">The street.</param>
/// <param name="HouseNumber">The house number, with any addition.</param>
/// <param name="City">The city.</param>
/// <param name="ContactName">The contact person.</param>
/// <param name="Phone">The phone number, if given.</param>
/// <param name="Email">The e-mail address used for confirmation and all later contact.</param>
public sealed record CompanyProfile(
    string Name,
    string Postcode,
    string Country,
    string Street,
    string HouseNumber,
    string City,
    string ContactName,
    string? Phone,
    string Email);
