namespace Faktum.Licensing.Server.Privacy;

/// <summary>A one-time password's record without its hash and salt; <see cref="CompanyId"/> names the company whose registration mailed it (S9).</summary>
internal sealed record PrivacyExportOneTimePassword(
    string Id, string InstallationId, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, int FailedAttempts, DateTimeOffset? ConsumedAt, DateTimeOffset? VoidedAt, string? CompanyId);
