namespace Faktum.Licensing.Server.Licenses;

/// <summary>
/// The rule for entitlement names (the token's <c>entitlements</c>; docs/tokens.md), written once for the admin API, the CLI and
/// the configuration: 1–64 characters of ASCII letters, digits and <c>. - _ :</c>, at most <see cref="MaxCount"/> per license.
/// </summary>
internal static class EntitlementNames
{
    public const int MaxCount = 32;

    public const int MaxLength = 64;

    public const string Rule = "1 to 64 ASCII letters, digits and . - _ :";

    public static bool IsValid(string? name) =>
        name is { Length: > 0 and <= MaxLength } && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or ':');

    /// <summary>The stored form: the names in order, without repeats, one per line (null stays null: "the default").</summary>
    public static string? Store(IReadOnlyCollection<string>? names) => names is null ? null : string.Join('\n', names.Distinct(StringComparer.Ordinal));

    /// <summary>The names of the stored form.</summary>
    public static IReadOnlyList<string> Read(string? stored) => string.IsNullOrEmpty(stored) ? [] : stored.Split('\n');
}
