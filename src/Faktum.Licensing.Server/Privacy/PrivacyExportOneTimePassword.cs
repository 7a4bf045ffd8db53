namespace Faktum.Licensing.Server.Privacy;

/// <summary>A one-time password's record without its hash and salt.</summary>
internal sealed record PrivacyExportOneTimePassword(
    string Id, string InstallationId, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, int FailedAttempts, DateTimeOffset? ConsumedAt, DateTimeOffset? VoidedAt);
