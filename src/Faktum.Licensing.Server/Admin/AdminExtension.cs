namespace Faktum.Licensing.Server.Admin;

/// <summary>The result of <see cref="AdminOperations.TryExtendAsync"/>.</summary>
internal sealed record AdminExtension(AdminExtensionStatus Status, AdminLicenseDto? License)
{
    public static readonly AdminExtension NotFound = new(AdminExtensionStatus.NotFound, null);

    public static readonly AdminExtension PastLatestEnd = new(AdminExtensionStatus.PastLatestEnd, null);
}
