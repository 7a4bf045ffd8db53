namespace Faktum.Licensing.Server.Storage;

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

    /// <summary>Gets or sets the seats: how many installations the license may be bound to at once (S8); set by the vendor.</summary>
    public int InstallationLimit { get; set; }

    /// <summary>Gets or sets the extra moves the vendor granted beyond the rolling move budget; each is spent by one move.</summary>
    public int ExtraMoves { get; set; }

    /// <summary>Gets or sets the entitlements the vendor set, one per line; <see langword="null"/>: the product's trial default (trials) or none.</summary>
    public string? Entitlements { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
