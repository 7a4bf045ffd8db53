namespace Faktum.Licensing.Protocol;

// Part of the JSON wire contract of /v1 (docs/protocol.md): camelCase members, immutable; the server refuses unknown members.
/// <summary>The contact person.</summary>
internal sealed record ContactInput(string? Name, string? Phone);
