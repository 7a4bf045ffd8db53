namespace Faktum.Licensing.Server.Hosting;

/// <summary>
/// A logger provider that writes nothing: it tells <see cref="RequestOutcomeLogging"/> that one of the server's own
/// categories logged a line during the request, so the refusal is not logged twice.
/// </summary>
internal sealed class RequestOutcomeMarkerProvider : ILoggerProvider
{
    private static readonly ILogger Marker = new MarkingLogger();

    public ILogger CreateLogger(string categoryName) =>
        categoryName.StartsWith("Faktum.Licensing.Server.", StringComparison.Ordinal)
        && !categoryName.StartsWith(typeof(RequestOutcomeLogging).FullName!, StringComparison.Ordinal)
        && !categoryName.StartsWith("Faktum.Licensing.Server.Email", StringComparison.Ordinal)
            ? Marker
            : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void Dispose()
    {
    }

    private sealed class MarkingLogger : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Information)
            {
                RequestOutcomeLogging.NoteLogged();
            }
        }
    }
}
