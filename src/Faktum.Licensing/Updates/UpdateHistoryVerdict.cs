namespace Faktum.Licensing.Updates;

/// <summary>Whether the SDK may believe an update decision, given what it has already seen.</summary>
internal enum UpdateHistoryVerdict
{
    /// <summary>The decision is at least as current as anything seen before.</summary>
    Accepted = 0,

    /// <summary>Every signed manifest in the decision is older (lower sequence) than one already seen: a replayed or frozen catalog.</summary>
    SequenceRollback,

    /// <summary>The decision offers, as newer, a version below one already offered, while the catalog has not moved on
    /// since (no newer signed manifest, such as a withdrawal, explains it).</summary>
    VersionRollback,
}
