using System.Buffers.Text;
using System.Text.Json;
using Faktum.Licensing.Server.Http;

namespace Faktum.Licensing.Server.Admin;

/// <summary>
/// Checks a release upload before the catalog reads it: the manifest inside the signed wire form is JSON of its own
/// (base64url), and a lone surrogate escape in it would make the SDK's reader throw instead of refusing.
/// </summary>
internal static class ReleaseUpload
{
    public static bool ManifestHoldsUndecodableText(JsonElement signed)
    {
        if (signed.ValueKind != JsonValueKind.Object
            || !signed.TryGetProperty("manifest", out var manifest)
            || manifest.ValueKind != JsonValueKind.String)
        {
            return false; // the catalog refuses it as malformed
        }

        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(manifest.GetString());
        }
        catch (FormatException)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            return JsonText.HoldsUndecodableText(document.RootElement);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
