namespace Faktum.Licensing.Updates;

/// <summary>What the update check concluded for this installation.</summary>
public enum UpdateDecisionKind
{
    /// <summary>No newer release is offered to this installation.</summary>
    UpToDate = 0,

    /// <summary>A newer release is offered: <see cref="UpdateDecision.Release"/>.</summary>
    UpdateAvailable,

    /// <summary>The installation must update to <see cref="UpdateDecision.Release"/>; <see cref="UpdateDecision.RequiredReason"/> says why.</summary>
    UpdateRequired,

    /// <summary>A newer release exists (<see cref="UpdateDecision.NewestRelease"/>) but was published after the license's update
    /// entitlement ended. <see cref="UpdateDecision.Release"/> is the newest newer release the license is entitled to, if any.</summary>
    UpdateNotEntitled,

    /// <summary>The vendor withdrew the installed version. <see cref="UpdateDecision.Release"/> is the release to move to
    /// instead (it may be older than the installed one), or <see langword="null"/> when there is none.</summary>
    InstalledVersionWithdrawn,
}
