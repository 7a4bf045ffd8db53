namespace Faktum.Licensing.Protocol;

// Part of the JSON wire contract of /v1 (docs/protocol.md): camelCase members, immutable; the server refuses unknown members.
/// <summary>The 202 body of registrations and recoveries: the same whatever the server knows.</summary>
internal sealed record AcceptedResponse(string Status, string Message);
