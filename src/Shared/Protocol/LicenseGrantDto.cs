namespace Faktum.Licensing.Protocol;

// Part of the JSON wire contract of /v1 (docs/protocol.md): camelCase members, immutable; the server refuses unknown members.
/// <summary>One license a confirmation issued (S9): the token and its company.</summary>
internal sealed record LicenseGrantDto(string License, CompanyProfileDto Company);
