namespace Faktum.Licensing.Protocol;

/// <summary>
/// The license rules both sides apply, written once: days left until an end, whether an end has passed, and which verdicts are a
/// lapse (a license that stays lapsed offline until the server says otherwise). The server's verdict and the SDK's offline rules
/// use these; nothing else computes them.
/// </summary>
internal static class LicenseRules
{
    /// <summary>Whole days left until <paramref name="end"/>, rounded up (a part of a day counts as a day); 0 once it has passed.</summary>
    public static int DaysLeft(DateTimeOffset end, DateTimeOffset now) => Math.Max(0, (int)Math.Ceiling((end - now).TotalDays));

    /// <summary><see cref="DaysLeft(DateTimeOffset, DateTimeOffset)"/> when there is an end; <see langword="null"/> when there is none.</summary>
    public static int? DaysLeft(DateTimeOffset? end, DateTimeOffset now) => end is { } value ? DaysLeft(value, now) : null;

    /// <summary>Whether an end has been reached: a license ends at its end instant, not a tick later.</summary>
    public static bool HasEnded(DateTimeOffset? end, DateTimeOffset now) => end is { } value && now >= value;

    /// <summary>
    /// Whether <paramref name="verdict"/> is a lapse: the license may not be used to add records (trial expired, expired, suspended,
    /// revoked, moved, duplicated, unknown). A lapse the server reported stays in force offline; blocking the server must not revive a license.
    /// </summary>
    public static bool IsLapsed(LicenseVerdict verdict) => verdict is not (LicenseVerdict.Licensed or LicenseVerdict.Trial);
}
