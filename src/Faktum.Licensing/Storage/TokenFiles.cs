using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;

namespace Faktum.Licensing.Storage;

/// <summary>
/// The names a license token file may have (S9): <c>license.jwt</c> for the first company (as before several companies), then
/// <c>license.2.jwt</c> to <c>license.25.jwt</c>. <c>state.json</c> names the file of each license; a name off this list (a path,
/// <c>..</c>, anything else) makes the state file damaged, so an edited state file can never make the SDK read or delete another file.
/// </summary>
internal static class TokenFiles
{
    /// <summary>The most licenses one installation holds: the most one start-up call carries.</summary>
    public const int MaxLicenses = Protocol.StartupRequest.MaxLicenses;

    /// <summary>Gets whether <paramref name="name"/> is one of the allowed token file names (ordinal, exactly).</summary>
    public static bool IsAllowed(string? name) => name is not null && IndexOf(name) is not null;

    /// <summary>Gets the first allowed name not in <paramref name="used"/>, or <see langword="null"/> when all are taken.</summary>
    public static string? FirstFree(IEnumerable<string> used)
    {
        var taken = used.ToHashSet(StringComparer.Ordinal);
        return Enumerable.Range(1, MaxLicenses).Select(NameOf).FirstOrDefault(name => !taken.Contains(name));
    }

    private static string NameOf(int index) =>
        index == 1 ? LicenseStateStore.TokenFileName : string.Create(CultureInfo.InvariantCulture, $"license.{index}.jwt");

    private static int? IndexOf(string name)
    {
        if (string.Equals(name, LicenseStateStore.TokenFileName, StringComparison.Ordinal))
        {
            return 1;
        }

        if (name.Length is < 13 or > 14 || !name.StartsWith("license.", StringComparison.Ordinal) || !name.EndsWith(".jwt", StringComparison.Ordinal))
        {
            return null;
        }

        var digits = name.AsSpan(8, name.Length - 12);
        return digits[0] != '0' && digits.ContainsAnyExceptInRange('0', '9') is false
            && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index is >= 2 and <= MaxLicenses
            ? index
            : null;
    }

    /// <summary>
    /// Reads the <c>sub</c> (the license id) of a token WITHOUT verifying it: only to know which stored license a token belongs to,
    /// never to trust it (the token is verified before any use). <see langword="null"/> when the token is not a readable JWT.
    /// </summary>
    public static string? UnverifiedLicenseId(string? token)
    {
        if (token is null)
        {
            return null;
        }

        var parts = token.Split('.');
        if (parts.Length != 3 || parts[1].Length is 0 or > 16 * 1024 || !Base64Url.IsValid(parts[1]))
        {
            return null;
        }

        try
        {
            using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]), new JsonDocumentOptions { MaxDepth = 8 });
            return payload.RootElement.ValueKind == JsonValueKind.Object && payload.RootElement.TryGetProperty("sub", out var sub)
                && sub.ValueKind == JsonValueKind.String && sub.GetString() is { Length: > 0 and <= 100 } id
                ? id
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
