namespace Faktum.Licensing.Server.Storage;

/// <summary>
/// An installation a license is (or was) bound to: one seat while <see cref="ReleasedAt"/> is <see langword="null"/>. What the
/// server keeps about it is listed in docs/privacy.md; nothing of it is read from the computer (I10).
/// </summary>
internal sealed class Installation
{
    public required string Id { get; set; }

    public required string LicenseId { get; set; }

    public required string InstallationId { get; set; }

    /// <summary>Gets or sets when the installation took its seat (the confirmation): its "first seen".</summary>
    public DateTimeOffset BoundAt { get; set; }

    /// <summary>Gets or sets when another installation took the seat, or the owner released it; its next startup check says "moved".</summary>
    public DateTimeOffset? ReleasedAt { get; set; }

    /// <summary>Gets or sets the time of its last start-up check; <see langword="null"/> before the first.</summary>
    public DateTimeOffset? LastSeenAt { get; set; }

    /// <summary>Gets or sets the app version its last start-up check named.</summary>
    public string? AppVersion { get; set; }

    /// <summary>Gets or sets the release channel its last start-up check named.</summary>
    public string? Channel { get; set; }

    /// <summary>Gets or sets the label the user typed at confirmation or later ("Kantoor-PC"); never read from the computer.</summary>
    public string? Label { get; set; }
}
