namespace Faktum.Licensing.Protocol;

// Part of the JSON wire contract of /v1 (docs/protocol.md): camelCase members, immutable; the server refuses unknown members.
/// <summary>
/// POST /v1/confirmations. <see cref="Label"/> is the name the user typed for this computer ("Kantoor-PC"); <see cref="Release"/>
/// names the installation (an id from a <c>seats-full</c> answer) whose seat this one takes when the seats are full.
/// </summary>
internal sealed record ConfirmationRequest(string? Email, string? OneTimePassword, string? InstallationId, string? Product, string? Label = null, string? Release = null);
