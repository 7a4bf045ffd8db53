using System.CommandLine;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Faktum.Licensing.Server.Admin;

namespace Faktum.Licensing.Server.Cli;

/// <summary>
/// The one output convention of every command: human text on standard output by default; with <c>--json</c> exactly one
/// JSON object (the result, or <c>{"error","message"}</c>). A failure is also one line on standard error. Exit codes are
/// <see cref="CliExitCodes"/>.
/// </summary>
internal static class CliOutput
{
    /// <summary>The global <c>--json</c> option.</summary>
    public static readonly Option<bool> Json = new("--json") { Description = "Print exactly one JSON object instead of text.", Recursive = true };

    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Prints a done result: <paramref name="headline"/> and the value as text, or the value as JSON (a list is wrapped as <c>{"items": […]}</c>).</summary>
    public static int Done(ParseResult parse, string headline, object? value)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var node = value as JsonNode ?? JsonSerializer.SerializeToNode(value, Indented);
        if (parse.GetValue(Json))
        {
            var root = node is JsonObject ? node : new JsonObject { ["items"] = node };
            Console.WriteLine(root?.ToJsonString(Indented) ?? "{}");
        }
        else
        {
            var text = new StringBuilder(headline).AppendLine();
            Render(text, node, 1);
            Console.Write(text.ToString());
        }

        return CliExitCodes.Done;
    }

    /// <summary>Prints a done result whose text form is fixed (a listing, a key to paste): <paramref name="text"/>, or the value as JSON.</summary>
    public static int Text(ParseResult parse, string text, object value)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(text);
        Console.Write(parse.GetValue(Json) ? JsonSerializer.Serialize(value, Indented) + Environment.NewLine : text.EndsWith('\n') ? text : text + Environment.NewLine);
        return CliExitCodes.Done;
    }

    /// <summary>Prints a failure: one line on standard error, and with <c>--json</c> <c>{"error": code, "message": …}</c> on standard output.</summary>
    public static int Fail(ParseResult? parse, int exitCode, string code, string message)
    {
        Console.Error.WriteLine(message.ReplaceLineEndings(" "));
        if (parse?.GetValue(Json) == true)
        {
            Console.WriteLine(new JsonObject { ["error"] = code, ["message"] = message }.ToJsonString(Indented));
        }

        return exitCode;
    }

    /// <summary>Prints an <see cref="AdminOutcome{T}"/> of the direct mode.</summary>
    public static int From<T>(ParseResult parse, AdminOutcome<T> outcome, string headline)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Status switch
        {
            AdminOutcomeStatus.Done => Done(parse, headline, outcome.Value),
            AdminOutcomeStatus.NotFound => Fail(parse, CliExitCodes.NotFound, "not-found", outcome.Message!),
            _ => Fail(parse, CliExitCodes.Refused, outcome.Code!, $"Refused ({outcome.Code}): {outcome.Message}"),
        };
    }

    /// <summary>Prints the admin API's answer the same way: 2xx as done, problems by their status and code.</summary>
    public static async Task<int> FromResponseAsync(ParseResult parse, HttpResponseMessage response, string headline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        JsonNode? body = null;
        try
        {
            body = text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            body = JsonValue.Create(text);
        }

        if (response.IsSuccessStatusCode)
        {
            return Done(parse, headline, body ?? new JsonObject());
        }

        var detail = body is JsonObject problem ? (string?)problem["detail"] ?? (string?)problem["title"] : text;
        var code = body is JsonObject withCode && withCode["code"] is JsonValue value ? (string?)value
            : body is JsonObject typed && (string?)typed["type"] is { } type ? type[(type.LastIndexOf(':') + 1)..] : "failed";
        var exit = response.StatusCode switch
        {
            HttpStatusCode.NotFound => CliExitCodes.NotFound,
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests => CliExitCodes.Unreachable,
            HttpStatusCode.BadRequest => CliExitCodes.Usage,
            _ => CliExitCodes.Refused,
        };
        var errors = body is JsonObject withErrors && withErrors["errors"] is JsonObject fields
            ? " " + string.Join("; ", fields.Select(f => $"{f.Key}: {string.Join(' ', f.Value!.AsArray().Select(m => (string?)m))}"))
            : string.Empty;
        return Fail(parse, exit, code ?? "failed", $"{(int)response.StatusCode} {code}: {detail}{errors}");
    }

    private static void Render(StringBuilder text, JsonNode? node, int depth)
    {
        var indent = new string(' ', depth * 2);
        switch (node)
        {
            case JsonObject item:
                foreach (var (name, value) in item)
                {
                    if (value is JsonObject or JsonArray)
                    {
                        text.Append(indent).Append(name).AppendLine(":");
                        Render(text, value, depth + 1);
                    }
                    else
                    {
                        text.Append(indent).Append(name).Append(": ").AppendLine(Scalar(value));
                    }
                }

                break;
            case JsonArray list:
                if (list.Count == 0)
                {
                    text.Append(indent).AppendLine("(none)");
                }

                foreach (var entry in list)
                {
                    text.Append(indent).AppendLine("-");
                    Render(text, entry, depth + 1);
                }

                break;
            case null:
                break;
            default:
                text.Append(indent).AppendLine(Scalar(node));
                break;
        }
    }

    private static string Scalar(JsonNode? value) => value is null ? "-" : value.GetValueKind() == JsonValueKind.String ? (string)value! : value.ToJsonString();
}
