namespace Faktum.Licensing;

/// <summary>What the license allows right now, as the last check found it.</summary>
public enum LicenseState
{
    /// <summary>No check has run yet in this process.</summary>
    NotChecked = 0,

    /// <summary>A paid license, confirmed online.</summary>
    Licensed,

    /// <summary>A trial, confirmed online; <see cref="LicenseStatus.DaysLeft"/> says how long it lasts.</summary>
    Trial,

    /// <summary>The trial has ended.</summary>
    TrialExpired,

    /// <summary>The paid license has ended.</summary>
    Expired,

    /// <summary>The vendor has suspended the license.</summary>
    Suspended,

    /// <summary>The vendor has revoked the license.</summary>
    Revoked,

    /// <summary>The license was recovered on another installation (S4): it moved there.</summary>
    MovedToAnotherInstallation,

    /// <summary>This installation holds no license: register a company or recover an existing one.</summary>
    NotRegistered,

    /// <summary>The server could not be reached; the cached license is valid and the offline grace period runs
    /// (<see cref="LicenseStatus.DaysLeft"/> days left).</summary>
    OfflineGrace,

    /// <summary>The server could not be reached for longer than the offline grace period.</summary>
    OfflineGraceExpired,

    /// <summary>The local clock is earlier than a time the server has already reported: fix the computer's date and time.</summary>
    ClockRolledBack,

    /// <summary>The cached license is not valid (<see cref="LicenseStatus.InvalidReason"/> says why).</summary>
    Invalid,

    /// <summary>
    /// The data folder (<see cref="FaktumLicensingOptions.DataDirectory"/>) cannot be created, read or locked; <see cref="LicenseStatus.Message"/>
    /// names the folder and the reason. Fix the folder (or the option) and check again: nothing was deleted.
    /// </summary>
    DataFolderUnavailable,

    /// <summary>
    /// The license server found this installation's data folder in use in two places (a copied folder, a restored backup used
    /// beside the original, a cloned virtual machine). Recover the license on the computer you use: that clears it there.
    /// </summary>
    Duplicated,
}
