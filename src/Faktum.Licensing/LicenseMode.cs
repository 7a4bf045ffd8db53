namespace Faktum.Licensing;

/// <summary>What the host app should do in a <see cref="LicenseState"/> (invariant I8: the user's data is never deleted or locked away).</summary>
public enum LicenseMode
{
    /// <summary>Run normally.</summary>
    RunNormally = 0,

    /// <summary>Run normally, and show <see cref="LicenseStatus.Message"/> to the user.</summary>
    Warn,

    /// <summary>Let the user read, print and export everything, but not create or change records, until the license is in order.</summary>
    ReadOnly,
}
