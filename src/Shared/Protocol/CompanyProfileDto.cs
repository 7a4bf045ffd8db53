namespace Faktum.Licensing.Protocol;

// Part of the JSON wire contract of /v1 (docs/protocol.md): camelCase members, immutable; the server refuses unknown members.
/// <summary>The registered company details (S6): the host uses the address as its invoice address.</summary>
internal sealed record CompanyProfileDto(
    string Name,
    string Postcode,
    string Country,
    string Street,
    string HouseNumber,
    string City,
    string ContactName,
    string? Phone,
    string Email);
