using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Http;

namespace Faktum.Licensing.Server.Seats;

/// <summary>The problem details of seats (docs/protocol.md): <c>seats-full</c> with its list, <c>move-budget-exhausted</c> with its date.</summary>
internal static class SeatProblems
{
    /// <summary>The seats of <paramref name="license"/> (of the company named <paramref name="company"/>) are full: the owner chooses.</summary>
    public static IResult SeatsFull(int seats, IReadOnlyList<InstallationDto> installations, string license, string company) =>
        TypedResults.Problem(
            detail: "Every seat of this license is taken. Confirm again with the same one-time password, naming in 'release' the installation whose seat this one takes.",
            statusCode: StatusCodes.Status409Conflict,
            title: "The seats of this license are full.",
            type: ProblemTypes.SeatsFull,
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["seats"] = seats, ["installations"] = installations, ["license"] = license, ["company"] = company });

    /// <summary>No move is left; <paramref name="license"/> names the license when a confirmation (S9) refused it.</summary>
    public static IResult MoveBudgetExhausted(DateTimeOffset? nextMoveAt, string? license = null) =>
        TypedResults.Problem(
            detail: nextMoveAt is { } next
                ? $"This license has moved to another computer too often lately; the next move is possible from {next:yyyy-MM-dd HH:mm} UTC, or ask the vendor for an extra move."
                : "This license has moved to another computer too often lately; ask the vendor for an extra move.",
            statusCode: StatusCodes.Status409Conflict,
            title: "No move of this license is left for now.",
            type: ProblemTypes.MoveBudgetExhausted,
            extensions: license is null
                ? new Dictionary<string, object?>(StringComparer.Ordinal) { ["nextMoveAt"] = nextMoveAt }
                : new Dictionary<string, object?>(StringComparer.Ordinal) { ["nextMoveAt"] = nextMoveAt, ["license"] = license });

    public static IResult NotFound() =>
        Problems.Create(StatusCodes.Status404NotFound, ProblemTypes.NotFound, "No such installation.", "This license holds no installation with this id; list the installations again.");
}
