namespace Faktum.Licensing.Server.Seats;

/// <summary>How <see cref="SeatAssignment.AssignAsync"/> ended.</summary>
internal enum SeatAssignmentStatus
{
    /// <summary>The installation holds a seat (it had one, took a free one, or took a released one).</summary>
    Bound,

    /// <summary>The seats are full and no (current) installation was named to release: the owner chooses.</summary>
    SeatsFull,

    /// <summary>A seat would have to move, but the license moved too often in the window.</summary>
    MoveRefused,
}
