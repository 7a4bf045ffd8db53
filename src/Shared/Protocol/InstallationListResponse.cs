namespace Faktum.Licensing.Protocol;

// Part of the JSON wire contract of /v1 (docs/protocol.md): camelCase members, immutable.
/// <summary>The 200 body of GET /v1/installations: the seats, the moves left in the window, and the installations holding a seat.</summary>
internal sealed record InstallationListResponse(int Seats, int MovesLeft, DateTimeOffset? NextMoveAt, IReadOnlyList<InstallationDto> Installations);
