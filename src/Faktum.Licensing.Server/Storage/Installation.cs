namespace Faktum.Licensing.Server.Storage;

/// <summary>An installation a license is (or was) bound to.</summary>
internal sealed class Installation
{
    public required string Id { get; set; }

    public required string LicenseId { get; set; }

    public required string InstallationId { get; set; }

    public DateTimeOffset BoundAt { get; set; }

    /// <summary>Gets or sets when another installation took the seat; its next startup check says "moved".</summary>
    public DateTimeOffset? ReleasedAt { get; set; }

    /// <summary>Gets or sets the last start-up check of this installation (recorded by the start-up activity flush, so up to a minute late).</summary>
    public DateTimeOffset? LastSeenAt { get; set; }

    /// <summary>Gets or sets the app version the installation reported at its last recorded check, if it could be read.</summary>
    public string? AppVersion { get; set; }

    /// <summary>Gets or sets the update channel the installation reported at its last recorded check.</summary>
    public string? Channel { get; set; }
}
