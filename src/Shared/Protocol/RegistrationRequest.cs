namespace Faktum.Licensing.Protocol;

// Part of the JSON wire contract of /v1 (docs/protocol.md): camelCase members, immutable; the server refuses unknown members.
/// <summary>POST /v1/registrations (header <c>Idempotency-Key</c> recommended).</summary>
internal sealed record RegistrationRequest(
    string? Product,
    CompanyInput? Company,
    ContactInput? Contact,
    string? Email,
    string? InstallationId);
