using Faktum.Licensing.Protocol;
using Faktum.Licensing.Registration;
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

    /// <summary>Reads a JSON body, checks one field of it (<paramref name="invalid"/> returns the field and message, or null), then acts.</summary>
    public static async Task<IResult> WithBodyAsync<TBody>(HttpContext http, int maxBodyBytes, Func<TBody, (string Field, string Message)?> invalid, Func<TBody, Task<IResult>> act)
        where TBody : class
    {
        ArgumentNullException.ThrowIfNull(invalid);
        ArgumentNullException.ThrowIfNull(act);
        var read = await RequestReader.ReadAsync<TBody>(http, maxBodyBytes).ConfigureAwait(false);
        if (read.Problem is not null)
        {
            return read.Problem;
        }

        if (invalid(read.Value!) is { } error)
        {
            var check = new Validation();
            check.Add(error.Field, FieldCodes.OutOfRange, error.Message); // every checked body field is a range
            return Problems.Validation(check.Errors);
        }

        return await act(read.Value!).ConfigureAwait(false);
    }

    public static IResult Found<T>(T? value)
        where T : class =>
        value is null
            ? Problems.Create(StatusCodes.Status404NotFound, ProblemTypes.NotFound, "Not found.", "No license or company matches.")
            : TypedResults.Ok(value);

    private static IResult Refused(string code, string message) => code switch
    {
        // Kept as they were before the typed outcomes: a validation error, and the release problems of docs/updates.md.
        AdminRefusals.PastLatestEnd => PastLatestEnd(message),
        AdminRefusals.ReleaseRefused => WithCode(StatusCodes.Status422UnprocessableEntity, ProblemTypes.ReleaseRefused, "Release refused.", message, code),
        AdminRefusals.ReleaseSequenceStale => WithCode(StatusCodes.Status409Conflict, ProblemTypes.ReleaseSequenceStale, "Stale release sequence.", message, code),
        _ => WithCode(StatusCodes.Status409Conflict, ServerProblemTypes.AdminActionRefused, "The action was refused.", message, code),
    };

    private static IResult PastLatestEnd(string message)
    {
        var check = new Validation();
        check.Add("days", FieldCodes.OutOfRange, message);
        return Problems.Validation(check.Errors);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult WithCode(int status, string type, string title, string detail, string code) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, type: type, extensions: new Dictionary<string, object?> { ["code"] = code });
}
