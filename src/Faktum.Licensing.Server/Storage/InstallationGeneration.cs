namespace Faktum.Licensing.Server.Storage;

/// <summary>
/// Copy detection's memory of one installation of one license (docs/tokens.md, "Generations"): the generations of the tokens
/// issued to it and presented by it. No hardware data (I10): only counters, two instants and the license and installation ids.
/// A row is made at the installation's first confirmation or start-up check after this table came; every change raises
/// <see cref="Issued"/>, which makes it the row's concurrency token (each write is conditional on the value it read).
/// </summary>
internal sealed class InstallationGeneration
{
    public required string LicenseId { get; set; }

    public required string InstallationId { get; set; }

    /// <summary>Gets or sets the newest generation issued (or burnt by a flag or a clear).</summary>
    public long Issued { get; set; }

    /// <summary>Gets or sets the generation the current line last presented (the token it held when it last checked in).</summary>
    public long Presented { get; set; }

    /// <summary>Gets or sets the first generation issued in answer to <see cref="Presented"/>; [AnswersFrom, Issued] are those answers.</summary>
    public long AnswersFrom { get; set; }

    /// <summary>Gets or sets until when a repeat of <see cref="Presented"/> counts as a retry of the same start (the answers stay valid).</summary>
    public DateTimeOffset? RetryWindowEndsAt { get; set; }

    /// <summary>Gets or sets the exclusive lower end of the generations only a line left behind can hold; <see langword="null"/> for none.</summary>
    public long? AbandonedAfter { get; set; }

    /// <summary>Gets or sets the inclusive upper end of the generations only a line left behind can hold.</summary>
    public long? AbandonedThrough { get; set; }

    /// <summary>Gets or sets the newest generation answered with <c>duplicated</c>: every token up to it is a copy's; <see langword="null"/> when never flagged.</summary>
    public long? DuplicatedThrough { get; set; }

    /// <summary>Gets or sets when the copy was detected; <see langword="null"/> when not flagged (or cleared by the vendor).</summary>
    public DateTimeOffset? DuplicatedAt { get; set; }
}
