namespace Faktum.Licensing.Server.Admin;

/// <summary>A mail in the outbox as the admin API and the console show it: when and how it went, never its body (it may hold a one-time password).</summary>
internal sealed record AdminMailDto(
    string Id, string Kind, string? AccountId, string? CompanyId, string Status, DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, int Attempts, string? LastError, DateTimeOffset? CompletedAt)
{
    public static AdminMailDto From(Storage.OutboxMessage message, string? companyId) => new(
        message.Id, message.Kind, message.AccountId, companyId, message.Status.ToString().ToLowerInvariant(), message.CreatedAt, message.NextAttemptAt,
        message.Attempts, message.LastError, message.CompletedAt);
}
