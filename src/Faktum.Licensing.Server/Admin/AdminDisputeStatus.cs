namespace Faktum.Licensing.Server.Admin;

/// <summary>How a release or hand-over of a company identity ended.</summary>
internal enum AdminDisputeStatus
{
    /// <summary>Done, and audited in the same transaction.</summary>
    Done,

    /// <summary>No company holds, or held, the identity.</summary>
    NotFound,

    /// <summary>The rightful owner's address already has an account with a company: hand the identity to another address, or release it.</summary>
    TargetHoldsCompany,
}
