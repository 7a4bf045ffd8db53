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

/// <summary>A new company to register (S2). The server checks every field and answers with field errors.</summary>
public sealed record CompanyRegistration
{
    /// <summary>Gets the company name. Warn the user: it cannot be changed later.</summary>
    public required string CompanyName { get; init; }

    /// <summary>Gets the postcode.</summary>
    public required string Postcode { get; init; }

    /// <summary>Gets the street.</summary>
    public required string Street { get; init; }

    /// <summary>Gets the house number, with any addition.</summary>
    public required string HouseNumber { get; init; }

    /// <summary>Gets the city.</summary>
    public required string City { get; init; }

    /// <summary>Gets the ISO 3166-1 alpha-2 country code.</summary>
    /// <value><c>"NL"</c>.</value>
    public string Country { get; init; } = "NL";

    /// <summary>Gets the contact person.</summary>
    public required string ContactName { get; init; }

    /// <summary>Gets the phone number, if any.</summary>
    public string? Phone { get; init; }

    /// <summary>Gets the e-mail address. Warn the user: it must be valid; it receives the one-time password and all later contact.</summary>
    public required string Email { get; init; }
}

/// <summary>A correction of the registered address or contact (S6). A <see langword="null"/> member stays as it is; the company name cannot be corrected.</summary>
public sealed record CompanyCorrection
{
    /// <summary>Gets the new postcode, or <see langword="null"/>.</summary>
    public string? Postcode { get; init; }

    /// <summary>Gets the new street, or <see langword="null"/>.</summary>
    public string? Street { get; init; }

    /// <summary>Gets the new house number, or <see langword="null"/>.</summary>
    public string? HouseNumber { get; init; }

    /// <summary>Gets the new city, or <see langword="null"/>.</summary>
    public string? City { get; init; }

    /// <summary>Gets the new contact person, or <see langword="null"/>.</summary>
    public string? ContactName { get; init; }

    /// <summary>Gets the new phone number, or <see langword="null"/>.</summary>
    public string? Phone { get; init; }
}
