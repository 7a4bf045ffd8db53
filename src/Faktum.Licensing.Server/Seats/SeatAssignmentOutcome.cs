using Faktum.Licensing.Protocol;

namespace Faktum.Licensing.Server.Seats;

/// <summary>The outcome of <see cref="SeatAssignment.AssignAsync"/>.</summary>
internal sealed record SeatAssignmentOutcome(SeatAssignmentStatus Status, int Seats, IReadOnlyList<InstallationDto> Installations, DateTimeOffset? NextMoveAt)
{
    public static SeatAssignmentOutcome Bound { get; } = new(SeatAssignmentStatus.Bound, 0, [], null);

    public static SeatAssignmentOutcome Full(int seats, IReadOnlyList<InstallationDto> installations) => new(SeatAssignmentStatus.SeatsFull, seats, installations, null);

    public static SeatAssignmentOutcome MoveRefused(DateTimeOffset? nextMoveAt) => new(SeatAssignmentStatus.MoveRefused, 0, [], nextMoveAt);
}
