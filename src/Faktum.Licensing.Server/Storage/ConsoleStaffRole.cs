namespace Faktum.Licensing.Server.Storage;

/// <summary>What a staff member may do in the web console.</summary>
internal enum ConsoleStaffRole
{
    /// <summary>Sees every page, acts on nothing.</summary>
    ReadOnly = 0,

    /// <summary>Also acts on companies, licenses, installations and mail.</summary>
    Support = 1,

    /// <summary>Also acts on releases.</summary>
    Owner = 2,
}
