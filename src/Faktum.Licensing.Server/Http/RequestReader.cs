using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Faktum.Licensing.Server.Http;

/// <summary>Reads a JSON request body under a size cap, refusing unknown members; failures are problem details.</summary>
internal static class RequestReader
{
    /// <summary>
    /// The wire format: camelCase exactly (a member spelled in another case is unknown), unknown and repeated members
    /// refused — the startup contract of I4 depends on it, and no two parsers can read one body differently.
    /// </summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNameCaseInsensitive = false,
        AllowDuplicateProperties = false,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 8,
    };

    public sealed record ReadResult<T>(T? Value, byte[] Body, IResult? Problem)
        where T : class;

    public static async Task<ReadResult<T>> ReadAsync<T>(HttpContext context, int maxBytes)
        where T : class
    {
        var request = context.Request;
        if (request.ContentLength > maxBytes)
        {
            return new(null, [], Problems.TooLarge(maxBytes));
        }

        if (!request.HasJsonContentType())
        {
            return new(null, [], Problems.Malformed("Send the body as application/json."));
        }

        var buffer = new ArrayBufferWriter<byte>(Math.Min(maxBytes, 4096));
        while (true)
        {
            var memory = buffer.GetMemory(1024);
            var read = await request.Body.ReadAsync(memory, context.RequestAborted).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > maxBytes)
            {
                return new(null, [], Problems.TooLarge(maxBytes));
            }
        }

        var body = buffer.WrittenSpan.ToArray();
        try
        {
            var value = JsonSerializer.Deserialize<T>(body, Json);
            if (value is JsonDocument document && JsonText.HoldsUndecodableText(document.RootElement))
            {
                document.Dispose();
                return new(null, body, Problems.Malformed("The body holds a string or member name that is not valid Unicode (a lone surrogate escape)."));
            }

            return value is null
                ? new(null, body, Problems.Malformed("The body must be a JSON object."))
                : new(value, body, null);
        }
        catch (JsonException exception)
        {
            var detail = exception.Message.Contains("could not be mapped", StringComparison.Ordinal)
                ? "The body holds a member this endpoint does not accept (" + exception.Path + "); member names are camelCase, exactly."
                : exception.Message.Contains("uplicate", StringComparison.Ordinal)
                    ? "The body repeats a member" + (exception.Path is null ? "." : $" (at {exception.Path}).")
                    : "The body is not valid JSON of the expected shape" + (exception.Path is null ? "." : $" (at {exception.Path}).");
            return new(null, body, Problems.Malformed(detail));
        }
    }
}
