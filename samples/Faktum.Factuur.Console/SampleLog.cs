using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Faktum.Licensing;
using Microsoft.Extensions.Logging;

namespace Faktum.Factuur;

/// <summary>
/// The program's log, <c>DATA-DIR/factuur.log</c>: one JSON object a line. It holds what is not for the user's screen —
/// the license server's and the SDK's own (English) explanations, per-field messages and the SDK's log — so that the screens
/// can speak the user's language only (they are mapped from the SDK's typed results) and support still sees the details.
/// </summary>
internal sealed class SampleLog
{
    public const string FileName = "factuur.log";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly Lock _gate = new();

    public SampleLog(string path) => Path = path;

    public string Path { get; }

    /// <summary>A failed SDK call: the typed result and everything the server said about it.</summary>
    public void Failure(string command, SdkFailure failure) => Write(new Dictionary<string, object?>
    {
        ["event"] = "failure",
        ["command"] = command,
        ["failure"] = failure.Failure,
        ["problemType"] = failure.ProblemType,
        ["retryAfterSeconds"] = failure.RetryAfter?.TotalSeconds,
        ["detail"] = failure.Detail,
        ["fieldErrors"] = failure.FieldErrors.Count == 0 ? null : failure.FieldErrors,
    });

    /// <summary>The SDK's explanation of a license status (English, for support).</summary>
    public void Status(string command, LicenseStatus status)
    {
        if (!string.IsNullOrEmpty(status.Message))
        {
            Write(new Dictionary<string, object?>
            {
                ["event"] = "status",
                ["command"] = command,
                ["state"] = status.State,
                ["invalidReason"] = status.InvalidReason == Faktum.Licensing.Tokens.LicenseTokenFailure.None ? null : status.InvalidReason,
                ["detail"] = status.Message,
            });
        }
    }

    /// <summary>An error that is not an SDK result: an exception (its message is English or technical).</summary>
    public void Error(string command, string kind, string detail) => Write(new Dictionary<string, object?>
    {
        ["event"] = "error",
        ["command"] = command,
        ["kind"] = kind,
        ["detail"] = detail,
    });

    /// <summary>A line of the SDK's own log (<see cref="ILogger"/>).</summary>
    public void Logged(string category, LogLevel level, string message) => Write(new Dictionary<string, object?>
    {
        ["event"] = "log",
        ["category"] = category,
        ["level"] = level,
        ["detail"] = message,
    });

    private void Write(Dictionary<string, object?> entry)
    {
        var present = entry.Where(e => e.Value is not null).ToDictionary();
        present["time"] = TimeProvider.System.GetUtcNow();
        var line = JsonSerializer.Serialize(present, JsonOptions) + Environment.NewLine;
        lock (_gate)
        {
            try
            {
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
                File.AppendAllText(Path, line);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // The log is for support; an unwritable log must never break the program.
            }
        }
    }

    /// <summary>Routes the host's <see cref="ILogger"/> (the SDK's log) into this file instead of the console.</summary>
    public ILoggerProvider Provider() => new LogProvider(this);

    private sealed class LogProvider(SampleLog log) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new FileLogger(log, categoryName);

        public void Dispose()
        {
        }
    }

    private sealed class FileLogger(SampleLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                log.Logged(category, logLevel, exception is null ? formatter(state, exception) : $"{formatter(state, exception)} {exception}");
            }
        }
    }
}

/// <summary>A failed SDK call, as the SDK typed it (<see cref="LicensingResult"/>): the screens use the typed parts only.</summary>
internal sealed record SdkFailure(
    LicensingFailure Failure,
    string? Detail,
    IReadOnlyDictionary<string, IReadOnlyList<string>> FieldErrors,
    string? ProblemType = null,
    TimeSpan? RetryAfter = null,
    DateTimeOffset? NextMoveAt = null)
{
    /// <summary>Gets the refused fields with the server's stable code for each (<see cref="LicensingResult.RefusedFields"/>).</summary>
    public IReadOnlyList<RegistrationFieldError> RefusedFields { get; init; } = [];

    public static SdkFailure From(LicensingResult result) =>
        new(result.Failure, result.Message, result.FieldErrors, result.ProblemType, result.RetryAfter, result.NextMoveAt) { RefusedFields = result.RefusedFields };

    public static SdkFailure From<TValue>(LicensingResult<TValue> result)
        where TValue : class => new(result.Failure, result.Message, result.FieldErrors, result.ProblemType, result.RetryAfter, result.NextMoveAt) { RefusedFields = result.RefusedFields };

    public static SdkFailure Local(LicensingFailure failure) => new(failure, null, new Dictionary<string, IReadOnlyList<string>>());
}
