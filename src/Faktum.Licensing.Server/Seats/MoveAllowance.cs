namespace Faktum.Licensing.Server.Seats;

/// <summary>What <see cref="MoveBudget.TryTakeAsync"/> decided: the move is taken, or refused until <see cref="NextMoveAt"/>.</summary>
internal sealed record MoveAllowance(bool Taken, DateTimeOffset? NextMoveAt)
{
    public static MoveAllowance Granted { get; } = new(true, null);
}
