namespace Faktum.Licensing.Server.Admin;

/// <summary>
/// Whether an admin API key is strong enough to stand between the network and every license: long, and random-looking
/// by a conservative estimate (its length times the Shannon entropy of its own characters). A key of one repeated
/// letter, or of two alternating ones, estimates at nearly zero bits whatever its length.
/// </summary>
internal static class AdminKeyStrength
{
    public const int MinimumLength = 32;

    public const int MinimumDistinctCharacters = 10;

    public const double MinimumEstimatedBits = 96;

    /// <summary>The reason <paramref name="key"/> is too weak, or <see langword="null"/> when it is strong enough.</summary>
    public static string? Weakness(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < MinimumLength)
        {
            return $"is {key.Length} characters long; at least {MinimumLength} are needed";
        }

        var counts = key.GroupBy(c => c).Select(g => g.Count()).ToList();
        if (counts.Count < MinimumDistinctCharacters)
        {
            return $"uses only {counts.Count} distinct characters; a random key uses many more";
        }

        var bits = key.Length * counts.Sum(n => -(double)n / key.Length * Math.Log2((double)n / key.Length));
        return bits < MinimumEstimatedBits
            ? $"looks too regular (about {bits:F0} bits of entropy, at least {MinimumEstimatedBits:F0} are needed)"
            : null;
    }
}
