using Faktum.Licensing.Tokens;

namespace Faktum.Licensing;

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

    /// <summary>
    /// Whether the license in use grants <paramref name="entitlement"/> (an edition or module the vendor set, in the token's
    /// <c>entitlements</c>; ordinal comparison). Answered from the signed token the last check accepted, so it works offline;
    /// <see langword="false"/> when no valid token is in use or the license may not be used (<see cref="Mode"/> is
    /// <see cref="LicenseMode.ReadOnly"/>).
    /// </summary>
    /// <param name="entitlement">The entitlement's name, e.g. <c>"export"</c>.</param>
    /// <returns>Whether the feature may be used now.</returns>
    public bool HasEntitlement(string entitlement)
    {
        ArgumentNullException.ThrowIfNull(entitlement);
        return Mode != LicenseMode.ReadOnly && Claims is { } claims && claims.Entitlements.Contains(entitlement, StringComparer.Ordinal);
    }

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
