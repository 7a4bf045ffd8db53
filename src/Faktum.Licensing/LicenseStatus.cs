using Faktum.Licensing.Tokens;

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

    /// <summary>The cached license is not valid (<see cref="LicenseStatus.InvalidReason"/> says why), or the local state cannot be used.</summary>
    Invalid,
}

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

/// <summary>The outcome of a license check: the state, what the host should do, and what is known about the license and company.</summary>
public sealed record LicenseStatus
{
    /// <summary>Gets the state.</summary>
    public required LicenseState State { get; init; }

    /// <summary>Gets what the host app should do in this state.</summary>
    public LicenseMode Mode => ModeOf(State);

    /// <summary>Gets the whole days left of a trial (<see cref="LicenseState.Trial"/>) or of the offline grace period
    /// (<see cref="LicenseState.OfflineGrace"/>); otherwise <see langword="null"/>.</summary>
    public int? DaysLeft { get; init; }

    /// <summary>Gets why the cached license token was refused, for <see cref="LicenseState.Invalid"/>; otherwise <see cref="LicenseTokenFailure.None"/>.</summary>
    public LicenseTokenFailure InvalidReason { get; init; }

    /// <summary>Gets a short English explanation for the user or the log, when there is something to explain. It never holds a token.</summary>
    public string? Message { get; init; }

    /// <summary>Gets the registered company (S6), when known.</summary>
    public CompanyProfile? Company { get; init; }

    /// <summary>Gets the claims of the license token in use, when it is valid.</summary>
    public LicenseClaims? Claims { get; init; }

    /// <summary>Gets when this status was determined, by the host's <see cref="TimeProvider"/>.</summary>
    public DateTimeOffset CheckedAt { get; init; }

    /// <summary>Gets a value indicating whether the license server confirmed this status during the check.</summary>
    public bool IsConfirmedOnline { get; init; }

    /// <summary>Gets the update decision of the last verified start-up response, or <see langword="null"/> when none is known.</summary>
    public Updates.UpdateDecision? UpdateDecision { get; init; }

    /// <summary>Gets the mode for a state.</summary>
    /// <param name="state">The state.</param>
    /// <returns><see cref="LicenseMode.RunNormally"/> for a good license, <see cref="LicenseMode.Warn"/> while the offline grace
    /// runs or nothing has been checked, and <see cref="LicenseMode.ReadOnly"/> otherwise.</returns>
    public static LicenseMode ModeOf(LicenseState state) => state switch
    {
        LicenseState.Licensed or LicenseState.Trial => LicenseMode.RunNormally,
        LicenseState.OfflineGrace or LicenseState.NotChecked => LicenseMode.Warn,
        _ => LicenseMode.ReadOnly,
    };
}

/// <summary>Carries a change of <see cref="IFaktumLicensing.Current"/>.</summary>
public sealed class LicenseStatusChangedEventArgs : EventArgs
{
    /// <summary>Initializes a new instance of the <see cref="LicenseStatusChangedEventArgs"/> class.</summary>
    /// <param name="previous">The status before.</param>
    /// <param name="current">The status now.</param>
    public LicenseStatusChangedEventArgs(LicenseStatus previous, LicenseStatus current)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        Previous = previous;
        Current = current;
    }

    /// <summary>Gets the status before the change.</summary>
    public LicenseStatus Previous { get; }

    /// <summary>Gets the status now.</summary>
    public LicenseStatus Current { get; }
}
