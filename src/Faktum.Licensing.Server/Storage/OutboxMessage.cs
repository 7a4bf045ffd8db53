namespace Faktum.Licensing.Server.Storage;

/// <summary>
/// A mail in the transactional outbox: written in the same transaction as the state change it reports, delivered by
/// the background dispatcher. The body (<see cref="Content"/>) may hold a plain one-time password, so it is deleted as
/// soon as the mail is sent, given up or discarded; what stays is when and how it went (no secret).
/// </summary>
internal sealed class OutboxMessage
{
    public required string Id { get; set; }

    /// <summary>Gets or sets what the mail is: <c>one-time-password</c> or <c>registration-attempt</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>Gets or sets the account the mail belongs to, if any (no foreign key: the row outlives nothing it needs).</summary>
    public string? AccountId { get; set; }

    /// <summary>Gets or sets the complete MIME message; <see langword="null"/> once it is no longer pending.</summary>
    public byte[]? Content { get; set; }

    public OutboxMessageStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Gets or sets when the next attempt is due.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>Gets or sets when the mail is no longer worth sending (a one-time password's expiry), if ever.</summary>
    public DateTimeOffset? DiscardAfter { get; set; }

    /// <summary>Gets or sets until when a dispatcher holds the mail; another may take it over after that.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }

    /// <summary>Gets or sets the random token of the claim that holds the mail.</summary>
    public string? ClaimedBy { get; set; }

    public int Attempts { get; set; }

    /// <summary>Gets or sets the last delivery error (exception type and message, passwords scrubbed).</summary>
    public string? LastError { get; set; }

    /// <summary>Gets or sets when the mail was sent, given up or discarded.</summary>
    public DateTimeOffset? CompletedAt { get; set; }
}
