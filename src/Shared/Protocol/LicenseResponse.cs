namespace Faktum.Licensing.Protocol;

// Part of the JSON wire contract of /v1 (docs/protocol.md): camelCase members, immutable; the server refuses unknown members.
/// <summary>The 200 body of a confirmation and of a company correction.</summary>
internal sealed record LicenseResponse(string License, CompanyProfileDto Company);
