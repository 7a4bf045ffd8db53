namespace Faktum.Licensing.Server.Storage;

// The stored model. Ids are random ("acc_…", "cmp_…", "lic_…"), never sequential.

/// <summary>An account: one e-mail address, confirmed by a one-time password.</summary>
internal sealed class Account
{
    public required string Id { get; set; }

    /// <summary>Gets or sets the e-mail address, normalised to lower case; unique.</summary>
    public required string Email { get; set; }

    public DateTimeOffset? EmailConfirmedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A registered company. <see cref="IdentityKey"/> carries the unique index that is invariant I1.</summary>
internal sealed class Company
{
    public required string Id { get; set; }

    public required string IdentityKey { get; set; }

    public required string Name { get; set; }

    public required string Postcode { get; set; }

    public required string Country { get; set; }

    public required string Street { get; set; }

    public required string HouseNumber { get; set; }

    public required string City { get; set; }

    public required string ContactName { get; set; }

    public string? Phone { get; set; }

    public required string AccountId { get; set; }

    public Account? Account { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal enum LicenseRecordStatus
{
    Pending,
    Active,
    Suspended,
    Revoked,
}

internal enum StoredLicenseKind
{
    Trial,
    Paid,
}

/// <summary>A company's license for one product.</summary>
internal sealed class License
{
    public required string Id { get; set; }

    public required string CompanyId { get; set; }

    public Company? Company { get; set; }

    public required string Product { get; set; }

    public StoredLicenseKind Kind { get; set; }

    public LicenseRecordStatus Status { get; set; }

    /// <summary>Gets or sets the end of the trial; set when the license is activated by the first confirmation.</summary>
    public DateTimeOffset? TrialEndsAt { get; set; }

    /// <summary>Gets or sets the end of a paid license; <see langword="null"/> for no end.</summary>
    public DateTimeOffset? LicenseEndsAt { get; set; }

    public DateTimeOffset? UpdatesEndAt { get; set; }

    public int InstallationLimit { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>An installation a license is (or was) bound to.</summary>
internal sealed class Installation
{
    public required string Id { get; set; }

    public required string LicenseId { get; set; }

    public required string InstallationId { get; set; }

    public DateTimeOffset BoundAt { get; set; }

    /// <summary>Gets or sets when another installation took the seat; its next startup check says "moved".</summary>
    public DateTimeOffset? ReleasedAt { get; set; }
}

/// <summary>A one-time password, stored only as an Argon2id hash.</summary>
internal sealed class OneTimePassword
{
    public required string Id { get; set; }

    public required string AccountId { get; set; }

    public required byte[] Hash { get; set; }

    public required byte[] Salt { get; set; }

    public required string InstallationId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Gets or sets the attempts made (each attempt is counted before the password is checked).</summary>
    public int FailedAttempts { get; set; }

    public DateTimeOffset? ConsumedAt { get; set; }

    public DateTimeOffset? VoidedAt { get; set; }
}

/// <summary>A stored response for an <c>Idempotency-Key</c>.</summary>
internal sealed class IdempotencyRecord
{
    public required string Key { get; set; }

    public required string RequestHash { get; set; }

    public int StatusCode { get; set; }

    public required string Body { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// One signed release manifest, stored byte for byte as the vendor signed it (the server cannot forge or re-encode one).
/// A release id may have several sequences: a withdrawal or a re-signed rollout is a new manifest with a higher sequence.
/// </summary>
internal sealed class ReleaseRecord
{
    public required string Product { get; set; }

    public long Sequence { get; set; }

    public required string ReleaseId { get; set; }

    public required string Version { get; set; }

    /// <summary>Gets or sets the signed wire form (<c>{"manifest","kid","signature"}</c>) exactly as published.</summary>
    public required string SignedJson { get; set; }

    /// <summary>Gets or sets the server's own rollout percentage, which can only narrow the signed one; null = as signed.</summary>
    public int? EffectiveRollout { get; set; }

    public DateTimeOffset PublishedAt { get; set; }
}

internal enum OutboxMessageStatus
{
    /// <summary>Waiting to be sent (or to be retried).</summary>
    Pending,

    /// <summary>Sent; the body is gone.</summary>
    Sent,

    /// <summary>Given up after the last attempt; the body is gone, the last error stays.</summary>
    Failed,

    /// <summary>No longer worth sending (its one-time password expired or was replaced); the body is gone.</summary>
    Discarded,
}

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
