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
}

/// <summary>Writes a command's outcome as text (in the chosen language) or, with --json, as one JSON object on stdout.</summary>
internal sealed class Output(Texts.Texts texts, bool json)
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

    /// <summary>A failed SDK call: exit code 1, the SDK's typed reason in the message and in the JSON.</summary>
    public int Failed(string command, LicensingFailure failure, string? sdkMessage, IReadOnlyDictionary<string, IReadOnlyList<string>>? fieldErrors = null)
    {
        var message = $"{Texts.Error} ({failure}): {Texts.Failure(failure)}";
        if (Json)
        {
            var fields = new Dictionary<string, object?> { ["failure"] = failure, ["detail"] = sdkMessage };
            if (fieldErrors is { Count: > 0 })
            {
                fields["fieldErrors"] = fieldErrors;
            }

            return Done(command, message, fields, ExitCodes.Error);
        }

        Console.Error.WriteLine(message);
        if (!string.IsNullOrEmpty(sdkMessage))
        {
            Console.Error.WriteLine($"  {sdkMessage}");
        }

        foreach (var (field, errors) in fieldErrors ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            Console.Error.WriteLine($"  {field}: {string.Join("; ", errors)}");
        }

        return ExitCodes.Error;
    }

    /// <summary>An error that is not an SDK result (bad option, the embedded server did not start, …).</summary>
    public int Error(string command, string message)
    {
        if (Json)
        {
            return Done(command, $"{Texts.Error}: {message}", new() { ["failure"] = "Error" }, ExitCodes.Error);
        }

        Console.Error.WriteLine($"{Texts.Error}: {message}");
        return ExitCodes.Error;
    }

    public static object Describe(LicenseStatus status) => new
    {
        state = status.State,
        mode = status.Mode,
        daysLeft = status.DaysLeft,
        confirmedOnline = status.IsConfirmedOnline,
        company = status.Company?.Name,
        detail = status.Message,
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
