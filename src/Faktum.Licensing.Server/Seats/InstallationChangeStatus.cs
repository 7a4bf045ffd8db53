namespace Faktum.Licensing.Server.Seats;

/// <summary>How a release or a rename by the owner ended.</summary>
internal enum InstallationChangeStatus
{
    /// <summary>Done.</summary>
    Done,

    /// <summary>The label is not valid (see the errors).</summary>
    Invalid,

    /// <summary>The license holds no active installation with this id (another license's id answers the same).</summary>
    NotFound,

    /// <summary>The release would be a move, and the license has none left in its window.</summary>
    MoveBudgetExhausted,
}
