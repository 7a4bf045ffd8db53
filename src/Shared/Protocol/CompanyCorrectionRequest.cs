namespace Faktum.Licensing.Protocol;

// Part of the JSON wire contract of /v1 (docs/protocol.md): camelCase members, immutable; the server refuses unknown members.
/// <summary>PATCH /v1/company (Authorization: Bearer license token). A present <c>name</c> that differs is refused (I2).</summary>
internal sealed record CompanyCorrectionRequest(
    string? Name,
    string? Postcode,
    string? Street,
    string? HouseNumber,
    string? City,
    string? ContactName,
    string? Phone);
