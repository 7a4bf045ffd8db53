namespace Faktum.Licensing.Server.Hosting;

/// <summary>
/// Logs each expected refusal (400, 401, 403, 404, 405, 408, 409, 413, 415, 422, 429) as one line at Information —
/// unless the endpoint already logged its own line about the request (event 201 for a 409, say), so that an expected
/// outcome is always exactly one line, and never an error with a stack trace.
/// </summary>
internal sealed partial class RequestOutcomeLogging(RequestDelegate next, ILogger<RequestOutcomeLogging> logger)
{
    /// <summary>The <see cref="HttpContext.Items"/> key under which the problem details writer leaves the problem type.</summary>
    public static readonly object ProblemTypeKey = new();

    private static readonly AsyncLocal<RequestMark?> Current = new();

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var mark = new RequestMark();
        Current.Value = mark;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            Current.Value = null;
        }

        var status = context.Response.StatusCode;
        if (IsExpectedRefusal(status) && !mark.Logged && logger.IsEnabled(LogLevel.Information))
        {
            var type = context.Items.TryGetValue(ProblemTypeKey, out var value) ? value as string ?? "-" : "-";
            var method = context.Request.Method;
            var path = context.Request.Path.Value ?? "/";
            Log.Refused(logger, method, path, status, type);
        }
    }

    internal static bool IsExpectedRefusal(int status) => status is 400 or 401 or 403 or 404 or 405 or 408 or 409 or 413 or 415 or 422 or 429;

    /// <summary>Notes that the server's own code logged a line at Information or above during the current request.</summary>
    internal static void NoteLogged()
    {
        if (Current.Value is { } mark)
        {
            mark.Logged = true;
        }
    }

    private sealed class RequestMark
    {
        public volatile bool Logged;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 700, EventName = "RequestRefused", Level = LogLevel.Information, Message = "{Method} {Path} answered {StatusCode} {ProblemType}")]
        public static partial void Refused(ILogger logger, string method, string path, int statusCode, string problemType);
    }
}
