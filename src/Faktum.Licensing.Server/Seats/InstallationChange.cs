using Faktum.Licensing.Server.Http;

namespace Faktum.Licensing.Server.Seats;

/// <summary>The outcome of <see cref="InstallationService.ReleaseAsync"/> and <see cref="InstallationService.RenameAsync"/>.</summary>
internal sealed record InstallationChange(InstallationChangeStatus Status, DateTimeOffset? NextMoveAt = null, FieldErrors? Errors = null)
{
    public static InstallationChange Done { get; } = new(InstallationChangeStatus.Done);

    public static InstallationChange NotFound { get; } = new(InstallationChangeStatus.NotFound);
}
