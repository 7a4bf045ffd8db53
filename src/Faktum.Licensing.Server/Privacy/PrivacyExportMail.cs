namespace Faktum.Licensing.Server.Privacy;

/// <summary>An outbox row without its body.</summary>
internal sealed record PrivacyExportMail(
    string Id, string Kind, string Status, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt, int Attempts, string? LastError);
