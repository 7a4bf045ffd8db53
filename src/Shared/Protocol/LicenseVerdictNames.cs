using System.Diagnostics.CodeAnalysis;

namespace Faktum.Licensing.Protocol;

/// <summary>The stable wire names of <see cref="LicenseVerdict"/> (docs/protocol.md), converted both ways.</summary>
internal static class LicenseVerdictNames
{
    public const string Licensed = "licensed";
    public const string Trial = "trial";
    public const string TrialExpired = "trial-expired";
    public const string Expired = "expired";
    public const string Suspended = "suspended";
    public const string Revoked = "revoked";
    public const string Moved = "moved";
    public const string Duplicated = "duplicated";
    public const string Unknown = "unknown";

    /// <summary>The wire name of <paramref name="verdict"/>.</summary>
    public static string ToWire(this LicenseVerdict verdict) => verdict switch
    {
        LicenseVerdict.Licensed => Licensed,
        LicenseVerdict.Trial => Trial,
        LicenseVerdict.TrialExpired => TrialExpired,
        LicenseVerdict.Expired => Expired,
        LicenseVerdict.Suspended => Suspended,
        LicenseVerdict.Revoked => Revoked,
        LicenseVerdict.Moved => Moved,
        LicenseVerdict.Duplicated => Duplicated,
        LicenseVerdict.Unknown => Unknown,
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "Not a license verdict."),
    };

    /// <summary>Reads a wire name exactly (ordinal, no other spelling); anything else is not a verdict.</summary>
    public static bool TryParse([NotNullWhen(true)] string? name, out LicenseVerdict verdict)
    {
        (var known, verdict) = name switch
        {
            Licensed => (true, LicenseVerdict.Licensed),
            Trial => (true, LicenseVerdict.Trial),
            TrialExpired => (true, LicenseVerdict.TrialExpired),
            Expired => (true, LicenseVerdict.Expired),
            Suspended => (true, LicenseVerdict.Suspended),
            Revoked => (true, LicenseVerdict.Revoked),
            Moved => (true, LicenseVerdict.Moved),
            Duplicated => (true, LicenseVerdict.Duplicated),
            Unknown => (true, LicenseVerdict.Unknown),
            _ => (false, LicenseVerdict.Unknown),
        };
        return known;
    }
}
