namespace Faktum.Licensing.Updates;

/// <summary>
/// What an installation has already seen of the release catalog, kept with its license state: the highest manifest
/// sequence and the highest version offered. The SDK checks every new decision against it and keeps its previous
/// decision when the check fails, so no server (or replay of an old response) can roll it back.
/// </summary>
/// <param name="HighestSequence">The highest <see cref="ReleaseManifest.Sequence"/> seen in a verified decision, or 0.</param>
/// <param name="HighestVersionOffered">The highest version offered as newer (to install), or <see langword="null"/>.</param>
internal sealed record UpdateHistory(long HighestSequence, string? HighestVersionOffered)
{
    /// <summary>Gets the history of an installation that has seen nothing.</summary>
    public static UpdateHistory Empty { get; } = new(0, null);

    /// <summary>Checks a decision whose releases have been verified.</summary>
    public UpdateHistoryVerdict Check(UpdateDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var evidence = decision.EvidenceSequence;
        if (evidence != 0 && evidence < HighestSequence)
        {
            return UpdateHistoryVerdict.SequenceRollback;
        }

        if (evidence == HighestSequence
            && OfferedVersion(decision) is { } offered
            && ReleaseVersion.TryParse(HighestVersionOffered, out var highest)
            && ReleaseVersion.IsNewer(highest, offered))
        {
            return UpdateHistoryVerdict.VersionRollback;
        }

        return UpdateHistoryVerdict.Accepted;
    }

    /// <summary>Returns the history after accepting <paramref name="decision"/> (call only when <see cref="Check"/> accepted it).</summary>
    public UpdateHistory Record(UpdateDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var evidence = decision.EvidenceSequence;
        var moved = evidence > HighestSequence;
        var highestVersion = moved ? null : HighestVersionOffered;
        if (OfferedVersion(decision) is { } offered
            && (!ReleaseVersion.TryParse(highestVersion, out var highest) || ReleaseVersion.IsNewer(offered, highest)))
        {
            highestVersion = decision.Release!.Version;
        }

        return new UpdateHistory(Math.Max(HighestSequence, evidence), highestVersion);
    }

    /// <summary>Returns the history to keep when the user moves the installation to another channel: the sequence stays,
    /// the highest offered version is forgotten (a beta offer must not block a stable one).</summary>
    public UpdateHistory ForChannelChange() => this with { HighestVersionOffered = null };

    private static Semver.SemVersion? OfferedVersion(UpdateDecision decision) =>
        decision.Kind is UpdateDecisionKind.UpdateAvailable or UpdateDecisionKind.UpdateRequired or UpdateDecisionKind.UpdateNotEntitled
        && decision.Release is { } release
        && ReleaseVersion.TryParse(release.Version, out var version)
            ? version
            : null;
}
