namespace Faktum.Licensing.Server.Seats;

/// <summary>A license's move budget now: the moves left (window and vendor's extra moves together) and, at none left, when the next is possible.</summary>
internal sealed record MoveBudgetState(int MovesLeft, DateTimeOffset? NextMoveAt);
