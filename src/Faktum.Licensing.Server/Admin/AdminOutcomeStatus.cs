namespace Faktum.Licensing.Server.Admin;

/// <summary>How an admin action ended.</summary>
internal enum AdminOutcomeStatus
{
    /// <summary>Done: the change (and its audit row) is committed.</summary>
    Done,

    /// <summary>Nothing matches the id; nothing changed.</summary>
    NotFound,

    /// <summary>The action makes no sense in the current state; nothing changed. See <see cref="AdminOutcome{T}.Code"/>.</summary>
    Refused,
}
