namespace Faktum.Licensing.Protocol;

// Part of the JSON wire contract of /v1 (docs/protocol.md): camelCase members, immutable; the server refuses unknown members.
/// <summary>The 200 body of /v1/startup: one signed JWS (typ <c>faktum-startup+jwt</c>).</summary>
internal sealed record StartupResponseEnvelope(string Response);
