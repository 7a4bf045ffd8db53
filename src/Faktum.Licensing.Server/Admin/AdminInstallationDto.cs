namespace Faktum.Licensing.Server.Admin;

/// <summary>A license as the admin API and CLI show it.</summary>
internal sealed record AdminInstallationDto(string InstallationId, DateTimeOffset BoundAt, DateTimeOffset? ReleasedAt);
