namespace Faktum.Licensing;

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
