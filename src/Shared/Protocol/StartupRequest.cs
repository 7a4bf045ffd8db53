namespace Faktum.Licensing.Protocol;

// Part of the JSON wire contract of /v1 (docs/protocol.md): camelCase members, immutable; the server refuses unknown members.
/// <summary>POST /v1/startup: exactly these four members (invariant I4).</summary>
internal sealed record StartupRequest(string? License, string? AppVersion, string? Channel, string? Nonce);
