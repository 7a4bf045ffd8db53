namespace Faktum.Licensing.Protocol;

// Part of the JSON wire contract of /v1 (docs/protocol.md): camelCase members, immutable.
/// <summary>
/// One installation holding a seat of a license (S8), as the owner sees it: the server's id of the seat (not the installation's
/// own id), the label the user typed, when it took the seat and when it last checked in, and the version and channel of that check.
/// </summary>
internal sealed record InstallationDto(
    string Id,
    string? Label,
    DateTimeOffset FirstSeen,
    DateTimeOffset? LastSeen,
    string? AppVersion,
    string? Channel,
    bool Current);
