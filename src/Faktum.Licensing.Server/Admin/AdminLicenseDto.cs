namespace Faktum.Licensing.Server.Admin;

/// <summary>A license as the admin API and CLI show it.</summary>
internal sealed record AdminLicenseDto(
    string Id,
    string Product,
    string Kind,
    string Status,
    DateTimeOffset? TrialEndsAt,
    DateTimeOffset? LicenseEndsAt,
    DateTimeOffset? UpdatesEndAt,
    int InstallationLimit,
    IReadOnlyList<AdminInstallationDto> Installations);
