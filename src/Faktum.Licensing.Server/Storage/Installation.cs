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
}
