namespace Faktum.Licensing.Protocol;

// Part of the JSON wire contract of /v1 (docs/protocol.md): camelCase members, immutable; the server refuses unknown members.
/// <summary>
/// The 200 body of a confirmation and of a company correction. A confirmation that brought several companies (S9) lists them all in
/// <see cref="Licenses"/>, in the order of the request; <see cref="License"/> and <see cref="Company"/> are then its first.
/// </summary>
internal sealed record LicenseResponse(string License, CompanyProfileDto Company, IReadOnlyList<LicenseGrantDto>? Licenses = null);
