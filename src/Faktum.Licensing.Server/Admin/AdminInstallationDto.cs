namespace Faktum.Licensing.Server.Admin;

/// <summary>An installation of a license as the admin API, the CLI and the console show it; the label is the one its user typed (I10).</summary>
internal sealed record AdminInstallationDto(string InstallationId, DateTimeOffset BoundAt, DateTimeOffset? ReleasedAt, DateTimeOffset? LastSeenAt, string? AppVersion, string? Channel, string? Label);
