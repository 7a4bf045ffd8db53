namespace Faktum.Licensing.Protocol;

// Part of the JSON wire contract of /v1 (docs/protocol.md): camelCase members, immutable; the server refuses unknown members.
/// <summary>PATCH /v1/installations/{id}: the new label (absent or empty removes it).</summary>
internal sealed record InstallationLabelRequest(string? Label);
