namespace Faktum.Licensing.Protocol;

// Part of the JSON wire contract of /v1 (docs/protocol.md): camelCase members, immutable; the server refuses unknown members.
/// <summary>The company as entered at registration.</summary>
internal sealed record CompanyInput(
    string? Name,
    string? Postcode,
    string? Country,
    string? Street,
    string? HouseNumber,
    string? City);
