using System.Text.Json;

namespace Faktum.Licensing.Server.Http;

/// <summary>
/// Finds text System.Text.Json parses but cannot decode: a string or member name whose escapes are not valid UTF-16
/// (a lone surrogate such as <c>\uD800</c>). <see cref="JsonElement.GetString"/> throws on it, so a body holding one is
/// refused as malformed before any code reads it.
/// </summary>
internal static class JsonText
{
    public static bool HoldsUndecodableText(JsonElement element, int depth = 0)
    {
        if (depth > 64)
        {
            return true;
        }

        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    _ = element.GetString();
                    return false;
                case JsonValueKind.Object:
                    foreach (var member in element.EnumerateObject())
                    {
                        _ = member.Name;
                        if (HoldsUndecodableText(member.Value, depth + 1))
                        {
                            return true;
                        }
                    }

                    return false;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        if (HoldsUndecodableText(item, depth + 1))
                        {
                            return true;
                        }
                    }

                    return false;
                default:
                    return false;
            }
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }
}
