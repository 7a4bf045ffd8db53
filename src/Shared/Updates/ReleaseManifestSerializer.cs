using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Faktum.Licensing.Updates;

/// <summary>
/// The canonical JSON form of a <see cref="ReleaseManifest"/>: these bytes are what the release key signs.
/// Members are written in one fixed order, every member is always present (<c>null</c> where allowed), times are
/// NumericDate integers, and a parsed manifest is accepted only when writing it again gives the very same bytes.
/// </summary>
internal static partial class ReleaseManifestSerializer
{
    /// <summary>The largest canonical manifest we sign or accept.</summary>
    public const int MaxManifestBytes = 8 * 1024;

    private const int MaxIdLength = 128;

    private static readonly JsonDocumentOptions StrictJson = new() { AllowDuplicateProperties = false, MaxDepth = 4 };

    // The fixed member order of the canonical form.
    private static readonly string[] Members =
    [
        "releaseId", "product", "sequence", "version", "channel", "publishedAt", "notesUrl", "downloadUrl",
        "sha256", "size", "mandatory", "minimumSupportedVersion", "rolloutPercentage", "withdrawn",
    ];

    /// <summary>Writes the canonical bytes of a valid manifest.</summary>
    /// <exception cref="ArgumentException">The manifest breaks a rule; the message names the member and the rule.</exception>
    public static byte[] Serialize(ReleaseManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (Validate(manifest) is { } error)
        {
            throw new ArgumentException($"The release manifest is not valid: {error}", nameof(manifest));
        }

        var bytes = Write(manifest);
        return bytes.Length <= MaxManifestBytes
            ? bytes
            : throw new ArgumentException($"The release manifest is {bytes.Length} bytes; at most {MaxManifestBytes} are allowed.", nameof(manifest));
    }

    /// <summary>Parses canonical manifest bytes strictly; on failure <paramref name="error"/> says why (safe to log).</summary>
    public static bool TryParse(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out ReleaseManifest? manifest, [NotNullWhen(false)] out string? error)
    {
        manifest = null;
        if (bytes.Length > MaxManifestBytes)
        {
            error = "The manifest is larger than the size cap.";
            return false;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes.ToArray(), StrictJson);
        }
        catch (JsonException)
        {
            error = "The manifest is not JSON, or it repeats a member.";
            return false;
        }

        using (document)
        {
            if (!TryRead(document.RootElement, out manifest, out error))
            {
                return false;
            }
        }

        if (Validate(manifest) is { } invalid)
        {
            manifest = null;
            error = invalid;
            return false;
        }

        if (!bytes.SequenceEqual(Write(manifest)))
        {
            manifest = null;
            error = "The manifest is not in canonical form.";
            return false;
        }

        return true;
    }

    private static byte[] Write(ReleaseManifest manifest)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(Members[0], manifest.ReleaseId);
            writer.WriteString(Members[1], manifest.ProductId);
            writer.WriteNumber(Members[2], manifest.Sequence);
            writer.WriteString(Members[3], manifest.Version);
            writer.WriteString(Members[4], ReleaseChannels.ToWire(manifest.Channel));
            writer.WriteNumber(Members[5], manifest.PublishedAt.ToUnixTimeSeconds());
            writer.WriteString(Members[6], manifest.NotesUrl.AbsoluteUri);
            writer.WriteString(Members[7], manifest.DownloadUrl.AbsoluteUri);
            writer.WriteString(Members[8], manifest.Sha256);
            writer.WriteNumber(Members[9], manifest.Size);
            writer.WriteBoolean(Members[10], manifest.Mandatory);
            if (manifest.MinimumSupportedVersion is null)
            {
                writer.WriteNull(Members[11]);
            }
            else
            {
                writer.WriteString(Members[11], manifest.MinimumSupportedVersion);
            }

            writer.WriteNumber(Members[12], manifest.RolloutPercentage);
            writer.WriteBoolean(Members[13], manifest.Withdrawn);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static bool TryRead(JsonElement root, [NotNullWhen(true)] out ReleaseManifest? manifest, [NotNullWhen(false)] out string? error)
    {
        manifest = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            error = "The manifest is not a JSON object.";
            return false;
        }

        var count = 0;
        foreach (var member in root.EnumerateObject())
        {
            count++;
            if (Array.IndexOf(Members, member.Name) < 0)
            {
                error = "The manifest has an unknown member.";
                return false;
            }
        }

        if (count != Members.Length)
        {
            error = "The manifest lacks a required member.";
            return false;
        }

        string? minimum = null;
        var minimumElement = root.GetProperty("minimumSupportedVersion");
        if (minimumElement.ValueKind == JsonValueKind.String)
        {
            minimum = minimumElement.GetString();
        }
        else if (minimumElement.ValueKind != JsonValueKind.Null)
        {
            error = "minimumSupportedVersion must be a string or null.";
            return false;
        }

        if (String(root, "releaseId") is not { } releaseId
            || String(root, "product") is not { } product
            || Int64(root, "sequence") is not { } sequence
            || String(root, "version") is not { } version
            || !ReleaseChannels.TryParse(String(root, "channel"), out var channel)
            || Int64(root, "publishedAt") is not { } publishedAt
            || publishedAt is < 0 or > 253402300799
            || Url(root, "notesUrl") is not { } notesUrl
            || Url(root, "downloadUrl") is not { } downloadUrl
            || String(root, "sha256") is not { } sha256
            || Int64(root, "size") is not { } size
            || Boolean(root, "mandatory") is not { } mandatory
            || Int64(root, "rolloutPercentage") is not { } rollout
            || rollout is < 0 or > 100
            || Boolean(root, "withdrawn") is not { } withdrawn)
        {
            error = "A manifest member is missing or has the wrong type.";
            return false;
        }

        manifest = new ReleaseManifest
        {
            ReleaseId = releaseId,
            ProductId = product,
            Sequence = sequence,
            Version = version,
            Channel = channel,
            PublishedAt = DateTimeOffset.FromUnixTimeSeconds(publishedAt),
            NotesUrl = notesUrl,
            DownloadUrl = downloadUrl,
            Sha256 = sha256,
            Size = size,
            Mandatory = mandatory,
            MinimumSupportedVersion = minimum,
            RolloutPercentage = (int)rollout,
            Withdrawn = withdrawn,
        };
        error = null;
        return true;
    }

    private static string? String(JsonElement root, string name) =>
        root.GetProperty(name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static long? Int64(JsonElement root, string name) =>
        root.GetProperty(name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt64(out var number) ? number : null;

    private static bool? Boolean(JsonElement root, string name) => root.GetProperty(name).ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static Uri? Url(JsonElement root, string name) =>
        String(root, name) is { } text && Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : null;

    private static bool IsId(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxIdLength)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAllowedUrl(Uri? url) =>
        url is { IsAbsoluteUri: true }
        && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback))
        && url.AbsoluteUri.Length <= 2048;

    private static bool IsLowerHexSha256(string? value)
    {
        if (value is not { Length: 64 })
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c) && c is not (>= 'a' and <= 'f'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Formats a SHA-256 digest the way <see cref="ReleaseManifest.Sha256"/> holds it.</summary>
    public static string FormatSha256(ReadOnlySpan<byte> digest) => Convert.ToHexStringLower(digest);
}
