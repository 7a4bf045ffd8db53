using System.Buffers;
using System.Text.Json;
using Faktum.Licensing.Protocol;

namespace Faktum.Licensing.Http;

/// <summary>
/// Writes the body of POST /v1/startup with a <see cref="Utf8JsonWriter"/> alone, byte for byte what <see cref="ProtocolJsonContext"/>
/// writes (its members in order, camelCase, a null member left out, the same escaping): a start-up check that finds the server
/// unreachable then builds none of the serializer's metadata at a cold start (issue 15). The answer is still read by the serializer.
/// </summary>
internal static class StartupRequestJson
{
    public static byte[] Write(StartupRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            WriteIfPresent(writer, "license"u8, request.License);
            WriteIfPresent(writer, "appVersion"u8, request.AppVersion);
            WriteIfPresent(writer, "channel"u8, request.Channel);
            WriteIfPresent(writer, "nonce"u8, request.Nonce);
            if (request.Licenses is { } licenses)
            {
                writer.WriteStartArray("licenses"u8);
                foreach (var token in licenses)
                {
                    writer.WriteStringValue(token);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteIfPresent(Utf8JsonWriter writer, ReadOnlySpan<byte> name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
