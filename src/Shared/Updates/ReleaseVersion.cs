using System.Diagnostics.CodeAnalysis;
using Semver;

namespace Faktum.Licensing.Updates;

/// <summary>
/// The one SemVer 2.0.0 implementation shared by the SDK and the server: strict parsing and precedence ordering
/// (pre-release identifiers compared per §11, build metadata ignored), delegated to the Semver package.
/// </summary>
internal static class ReleaseVersion
{
    /// <summary>The longest version text we accept; SemVer sets no limit, a manifest field needs one.</summary>
    public const int MaxLength = 128;

    /// <summary>Orders versions by SemVer precedence; versions that differ only in build metadata compare equal.</summary>
    public static IComparer<SemVersion> Precedence => SemVersion.PrecedenceComparer;

    /// <summary>Parses a strict SemVer 2.0.0 version: no leading <c>v</c>, no whitespace, no leading zeros, all three parts.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out SemVersion? version)
    {
        version = null;
        return text is not null
            && text.Length <= MaxLength
            && SemVersion.TryParse(text, SemVersionStyles.Strict, out version, MaxLength);
    }

    /// <summary>Parses a version that must be valid.</summary>
    /// <exception cref="FormatException">The text is not a strict SemVer 2.0.0 version.</exception>
    public static SemVersion Parse(string text) =>
        TryParse(text, out var version) ? version : throw new FormatException($"'{text}' is not a SemVer 2.0.0 version (for example 1.4.0 or 2.0.0-beta.1).");

    /// <summary>Compares by precedence: negative when <paramref name="left"/> is older, zero when equal in precedence.</summary>
    public static int Compare(SemVersion left, SemVersion right) => left.ComparePrecedenceTo(right);

    /// <summary>Whether <paramref name="candidate"/> has higher precedence than <paramref name="baseline"/>.</summary>
    public static bool IsNewer(SemVersion candidate, SemVersion baseline) => candidate.ComparePrecedenceTo(baseline) > 0;
}
