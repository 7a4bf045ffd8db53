namespace Faktum.Licensing;

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
