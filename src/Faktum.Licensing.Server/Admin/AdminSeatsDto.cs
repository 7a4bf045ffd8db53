using Faktum.Licensing.Protocol;

namespace Faktum.Licensing.Server.Admin;

/// <summary>A license's seats and moves as the admin API and CLI show them (S8).</summary>
internal sealed record AdminSeatsDto(
    string LicenseId,
    int Seats,
    int ExtraMoves,
    int MovesLeft,
    DateTimeOffset? NextMoveAt,
    IReadOnlyList<InstallationDto> Installations);
