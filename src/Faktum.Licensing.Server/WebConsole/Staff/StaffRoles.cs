using Faktum.Licensing.Server.Storage;

namespace Faktum.Licensing.Server.WebConsole.Staff;

/// <summary>The roles' names as the CLI takes them and the console's cookie carries them, and the authorization policies built on them.</summary>
internal static class StaffRoles
{
    public const string Owner = "owner";
    public const string Support = "support";
    public const string ReadOnly = "read-only";

    /// <summary>Any fully signed-in staff member: sees every page.</summary>
    public const string ReadPolicy = "console-read";

    /// <summary>Support and owner: act on companies, licenses, installations and mail.</summary>
    public const string SupportPolicy = "console-support";

    /// <summary>Owner: also acts on releases.</summary>
    public const string OwnerPolicy = "console-owner";

    /// <summary>Password checked, second factor still to come (the TOTP pages only).</summary>
    public const string SecondFactorPolicy = "console-second-factor";

    public static string Name(ConsoleStaffRole role) => role switch
    {
        ConsoleStaffRole.Owner => Owner,
        ConsoleStaffRole.Support => Support,
        _ => ReadOnly,
    };

    public static bool TryParse(string? value, out ConsoleStaffRole role)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case Owner:
                role = ConsoleStaffRole.Owner;
                return true;
            case Support:
                role = ConsoleStaffRole.Support;
                return true;
            case ReadOnly:
                role = ConsoleStaffRole.ReadOnly;
                return true;
            default:
                role = ConsoleStaffRole.ReadOnly;
                return false;
        }
    }
}
