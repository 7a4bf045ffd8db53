namespace Faktum.Licensing.Server.Storage;

/// <summary>
/// A one-time password, stored only as an Argon2id hash. One mailed by the registration of a company names that company
/// (<see cref="CompanyId"/>, S9): its confirmation confirms that company; a recovery password names none.
/// </summary>
internal sealed class OneTimePassword
{
    public required string Id { get; set; }

    public required string AccountId { get; set; }

    public required byte[] Hash { get; set; }

    public required byte[] Salt { get; set; }

    public required string InstallationId { get; set; }

    /// <summary>Gets or sets the company whose registration mailed this password; <see langword="null"/> for a recovery password (and for passwords of before S9).</summary>
    public string? CompanyId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Gets or sets the attempts made (each attempt is counted before the password is checked).</summary>
    public int FailedAttempts { get; set; }

    public DateTimeOffset? ConsumedAt { get; set; }

    public DateTimeOffset? VoidedAt { get; set; }
}
