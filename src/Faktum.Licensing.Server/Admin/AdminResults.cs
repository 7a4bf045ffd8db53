using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Http;

namespace Faktum.Licensing.Server.Admin;

/// <summary>Maps an <see cref="AdminOutcome{T}"/> to the admin API's answer: 200, 404 <c>not-found</c>, or 409 <c>admin-action-refused</c> with its code.</summary>
internal static class AdminResults
{
    public static IResult From<T>(AdminOutcome<T> outcome)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Status switch
        {
            AdminOutcomeStatus.Done => TypedResults.Ok(outcome.Value),
            AdminOutcomeStatus.NotFound => Problems.Create(StatusCodes.Status404NotFound, ProblemTypes.NotFound, "Not found.", outcome.Message!),
            _ => Refused(outcome.Code!, outcome.Message!),
        };
    }

    public static IResult Found<T>(T? value)
        where T : class =>
        value is null
            ? Problems.Create(StatusCodes.Status404NotFound, ProblemTypes.NotFound, "Not found.", "No license or company matches.")
            : TypedResults.Ok(value);

    private static IResult Refused(string code, string message) => code switch
    {
        // Kept as they were before the typed outcomes: a validation error, and the release problems of docs/updates.md.
        AdminRefusals.PastLatestEnd => Problems.Validation(new Dictionary<string, string[]> { ["days"] = [message] }),
        AdminRefusals.ReleaseRefused => WithCode(StatusCodes.Status422UnprocessableEntity, ProblemTypes.ReleaseRefused, "Release refused.", message, code),
        AdminRefusals.ReleaseSequenceStale => WithCode(StatusCodes.Status409Conflict, ProblemTypes.ReleaseSequenceStale, "Stale release sequence.", message, code),
        _ => WithCode(StatusCodes.Status409Conflict, ServerProblemTypes.AdminActionRefused, "The action was refused.", message, code),
    };

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult WithCode(int status, string type, string title, string detail, string code) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, type: type, extensions: new Dictionary<string, object?> { ["code"] = code });
}
