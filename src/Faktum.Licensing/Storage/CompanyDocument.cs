using System.Text.Json.Serialization;

namespace Faktum.Licensing.Storage;

/// <summary>The company in <c>state.json</c>: its own on-disk shape, not the public <see cref="CompanyProfile"/>.</summary>
internal sealed record CompanyDocument
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("postcode")]
    public required string Postcode { get; init; }

    [JsonPropertyName("country")]
    public required string Country { get; init; }

    [JsonPropertyName("street")]
    public required string Street { get; init; }

    [JsonPropertyName("houseNumber")]
    public required string HouseNumber { get; init; }

    [JsonPropertyName("city")]
    public required string City { get; init; }

    [JsonPropertyName("contactName")]
    public required string ContactName { get; init; }

    [JsonPropertyName("phone")]
    public string? Phone { get; init; }

    [JsonPropertyName("email")]
    public required string Email { get; init; }

    public static CompanyDocument From(CompanyProfile company) => new()
    {
        Name = company.Name,
        Postcode = company.Postcode,
        Country = company.Country,
        Street = company.Street,
        HouseNumber = company.HouseNumber,
        City = company.City,
        ContactName = company.ContactName,
        Phone = company.Phone,
        Email = company.Email,
    };

    public CompanyProfile ToProfile() => new(Name, Postcode, Country, Street, HouseNumber, City, ContactName, Phone, Email);
}
