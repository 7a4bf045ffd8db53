namespace Faktum.Licensing.Protocol;

// Part of the JSON wire contract of /v1 (docs/protocol.md): camelCase members, immutable; the server refuses unknown members.
/// <summary>POST /v1/recoveries.</summary>
internal sealed record RecoveryRequest(string? Email, string? Product, string? InstallationId);
