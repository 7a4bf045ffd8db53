namespace Faktum.Licensing.Storage;

/// <summary>
/// What the data folder holds, read under the lock. <see cref="State"/> and <see cref="Token"/> are the installation seen through its
/// current license (what a flow acting on the current company needs); <see cref="Licenses"/> are all its licenses (S9).
/// </summary>
internal sealed record LocalSnapshot(LocalStateCondition Condition, LocalLicenseState? State, string? Token, string? Problem)
{
    public static readonly LocalSnapshot Empty = new(LocalStateCondition.Missing, null, null, null);

    /// <summary>Gets every license on the installation, in the order they were added.</summary>
    public IReadOnlyList<StoredLicense> Licenses { get; init; } = [];

    /// <summary>Gets the license id of the current company, or <see langword="null"/> when the installation holds no license.</summary>
    public string? CurrentLicenseId { get; init; }

    /// <summary>Gets the current company's license, or <see langword="null"/>.</summary>
    public StoredLicense? CurrentLicense => Licenses.FirstOrDefault(l => string.Equals(l.LicenseId, CurrentLicenseId, StringComparison.Ordinal));
}
