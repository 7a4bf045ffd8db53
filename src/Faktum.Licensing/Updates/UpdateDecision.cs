namespace Faktum.Licensing.Updates;

/// <summary>
/// The update decision for one installation: what to tell the user, and which signed, verified release to offer.
/// Every release in it was verified under a pinned release key.
/// </summary>
public sealed record UpdateDecision
{
    /// <summary>Gets the decision.</summary>
    public required UpdateDecisionKind Kind { get; init; }

    /// <summary>Gets the release to install: the offered one (<see cref="UpdateDecisionKind.UpdateAvailable"/>,
    /// <see cref="UpdateDecisionKind.UpdateRequired"/>), the newest entitled one (<see cref="UpdateDecisionKind.UpdateNotEntitled"/>),
    /// or the replacement (<see cref="UpdateDecisionKind.InstalledVersionWithdrawn"/>); <see langword="null"/> when there is none.</summary>
    public ReleaseManifest? Release { get; init; }

    /// <summary>Gets the newest release newer than the installed one that this installation is offered, whether or not the
    /// license is entitled to it; <see langword="null"/> when there is none.</summary>
    public ReleaseManifest? NewestRelease { get; init; }

    /// <summary>Gets why an update is required. With <see cref="UpdateDecisionKind.UpdateNotEntitled"/> a value other than
    /// <see cref="UpdateRequiredReason.None"/> means an update would be required but the license does not cover it:
    /// the host should ask the user to renew.</summary>
    public UpdateRequiredReason RequiredReason { get; init; }

    /// <summary>Gets the manifest with the highest sequence in the catalog this decision was made from (the catalog head),
    /// so a client can tell a current catalog from a replayed older one; <see langword="null"/> for an empty catalog.</summary>
    public ReleaseManifest? CatalogHead { get; init; }

    /// <summary>Gets the highest manifest sequence this decision proves: the largest <see cref="ReleaseManifest.Sequence"/>
    /// among its releases and its catalog head, or 0.</summary>
    public long EvidenceSequence =>
        Math.Max(CatalogHead?.Sequence ?? 0, Math.Max(Release?.Sequence ?? 0, NewestRelease?.Sequence ?? 0));
}
