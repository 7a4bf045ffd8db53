namespace Faktum.Licensing.Protocol;

// Part of the JSON wire contract of /v1 (docs/protocol.md): camelCase members, immutable; the server refuses unknown members.
/// <summary>
/// POST /v1/confirmations. <see cref="Label"/> is the name the user typed for this computer ("Kantoor-PC"); <see cref="Release"/>
/// names the installation (an id from a <c>seats-full</c> answer) whose seat this one takes when the seats are full.
/// </summary>
/// <remarks>
/// S9: <see cref="Licenses"/> names the companies of the account (by license id, from a <c>company-choice-required</c> answer) to
/// bring to this installation at a recovery; absent, a registration confirms its own company and a recovery of an account with
/// one company brings that one. <see cref="Releases"/> names, when several of them have their seats full, one installation to
/// release per license (seat ids are unique across licenses); <see cref="Release"/> is a one-element <see cref="Releases"/>.
/// </remarks>
internal sealed record ConfirmationRequest(
    string? Email,
    string? OneTimePassword,
    string? InstallationId,
    string? Product,
    string? Label = null,
    string? Release = null,
    IReadOnlyList<string>? Licenses = null,
    IReadOnlyList<string>? Releases = null);
