namespace Faktum.Licensing.Protocol;

// Part of the JSON wire contract of /v1 (docs/protocol.md): camelCase members, immutable; the server refuses unknown members.
/// <summary>POST /v1/confirmations.</summary>
internal sealed record ConfirmationRequest(string? Email, string? OneTimePassword, string? InstallationId, string? Product);
