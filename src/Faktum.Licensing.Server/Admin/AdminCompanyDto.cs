namespace Faktum.Licensing.Server.Admin;

/// <summary>A company with its account and licenses.</summary>
internal sealed record AdminCompanyDto(
    string Id,
    string Name,
    string Postcode,
    string Country,
    string IdentityKey,
    string Street,
    string HouseNumber,
    string City,
    string ContactName,
    string? Phone,
    string Email,
    DateTimeOffset? EmailConfirmedAt,
    IReadOnlyList<AdminLicenseDto> Licenses);
