using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Faktum.Licensing;
using Faktum.Factuur.Texts;

namespace Faktum.Factuur;

/// <summary>Exit codes of every command.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Error = 1;
    public const int NotRunnable = 3;

    /// <summary>Ended by Ctrl-C (128 + SIGINT), cleanly: embedded server stopped, nothing half-written.</summary>
    public const int Interrupted = 130;
}

/// <summary>
/// Writes a command's outcome as text (in the chosen language) or, with --json, as one JSON object on stdout. A failure is
/// shown from the SDK's typed result only; the server's and the SDK's own (English) words go to the <see cref="Log"/>.
/// </summary>
internal sealed class Output(Texts.Texts texts, bool json, SampleLog log)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public Texts.Texts Texts { get; } = texts;

    public bool Json { get; } = json;

    public SampleLog Log { get; } = log;

    /// <summary>A progress line: text mode only (JSON mode keeps stdout one object).</summary>
    public void Line(string text)
    {
        if (!Json)
        {
            Console.WriteLine(text);
        }
    }

    public int Done(string command, string message, Dictionary<string, object?>? fields = null, int exitCode = ExitCodes.Success)
    {
        if (Json)
        {
            var body = new Dictionary<string, object?> { ["command"] = command, ["ok"] = exitCode == ExitCodes.Success, ["message"] = message };
            foreach (var (key, value) in fields ?? [])
            {
                body[key] = value;
            }

            Console.WriteLine(JsonSerializer.Serialize(body, JsonOptions));
        }
        else
        {
            Console.WriteLine(message);
        }

        return exitCode;
    }

    /// <summary>
    /// A failed SDK call: exit code 1; the message in the chosen language, mapped from the typed result; the JSON names the
    /// <see cref="LicensingFailure"/>, the problem type and the refused fields. The server's detail goes to the log only.
    /// </summary>
    public int Failed(string command, SdkFailure failure)
    {
        Log.Failure(command, failure);
        var lines = Texts.Explain(failure);
        if (Json)
        {
            var fields = new Dictionary<string, object?>
            {
                ["failure"] = failure.Failure,
                ["problemType"] = failure.ProblemType,
                ["retryAfterSeconds"] = failure.RetryAfter?.TotalSeconds,
                ["fields"] = failure.FieldErrors.Count == 0 ? null : failure.FieldErrors.Keys.ToList(),
                ["log"] = failure.Detail is not null || failure.FieldErrors.Count > 0 ? Log.Path : null,
            };
            return Done(command, $"{Texts.Error}: {string.Join(" ", lines)}", fields, ExitCodes.Error);
        }

        Console.Error.WriteLine($"{Texts.Error}: {lines[0]}");
        foreach (var line in lines.Skip(1))
        {
            Console.Error.WriteLine($"  {line}");
        }

        if (failure.Detail is not null || failure.FieldErrors.Count > 0)
        {
            Console.Error.WriteLine(Texts.DetailsInLog(Log.Path));
        }

        return ExitCodes.Error;
    }

    /// <summary>An exception that is not an SDK result (the embedded server did not start, the data folder is unusable, …).</summary>
    public int Error(string command, Exception exception)
    {
        if (exception is UserMessageException)
        {
            return Error(command, exception.Message);
        }

        Log.Error(command, exception.GetType().Name, exception.Message);
        return Error(command, Texts.Explain(exception), detailsInLog: true);
    }

    /// <summary>An error already in the chosen language.</summary>
    public int Error(string command, string message, bool detailsInLog = false)
    {
        if (Json)
        {
            return Done(command, $"{Texts.Error}: {message}", new() { ["failure"] = "Error", ["log"] = detailsInLog ? Log.Path : null }, ExitCodes.Error);
        }

        Console.Error.WriteLine($"{Texts.Error}: {message}");
        if (detailsInLog)
        {
            Console.Error.WriteLine(Texts.DetailsInLog(Log.Path));
        }

        return ExitCodes.Error;
    }

    /// <summary>A license status for the JSON: typed parts only; the SDK's English explanation goes to the log.</summary>
    public object Describe(string command, LicenseStatus status)
    {
        Log.Status(command, status);
        return DescribeStatus(status);
    }

    private static object DescribeStatus(LicenseStatus status) => new
    {
        state = status.State,
        mode = status.Mode,
        daysLeft = status.DaysLeft,
        licenseId = status.Claims?.LicenseId,
        confirmedOnline = status.IsConfirmedOnline,
        company = status.Company?.Name,
        invalidReason = status.InvalidReason == Faktum.Licensing.Tokens.LicenseTokenFailure.None ? (Faktum.Licensing.Tokens.LicenseTokenFailure?)null : status.InvalidReason,
    };

    public static object? Describe(Faktum.Licensing.Updates.UpdateDecision? decision) => decision is null ? null : new
    {
        decision = decision.Kind,
        reason = decision.RequiredReason,
        version = decision.Release?.Version,
        newest = decision.NewestRelease?.Version,
        downloadUrl = decision.Release?.DownloadUrl,
    };
}

/// <summary>An error whose message is already in the user's language (thrown where the texts are known).</summary>
internal sealed class UserMessageException(string message) : Exception(message);
