namespace Faktum.Licensing.Server.Admin;

/// <summary>What became of an extension.</summary>
internal enum AdminExtensionStatus
{
    /// <summary>The end moved; the license is as it is now.</summary>
    Extended,

    /// <summary>No license has that id.</summary>
    NotFound,

    /// <summary>The new end would lie past <see cref="AdminOperations.LatestEnd"/>; nothing changed.</summary>
    PastLatestEnd,
}
