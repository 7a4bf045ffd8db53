using Faktum.Licensing.Protocol;

namespace Faktum.Licensing.Storage;

/// <summary>
/// The local license state as the SDK works with it (I6). On disk it is a <see cref="LicenseStateDocument"/>, its own versioned
/// format, so this record and the public <see cref="CompanyProfile"/> may change without making existing state files damaged.
/// The token lives beside it in its own file.
/// </summary>
internal sealed record LocalLicenseState
{
    /// <summary>Gets the installation id: random, generated once per data folder, never a hardware fingerprint.</summary>
    public required string InstallationId { get; init; }

    public DateTimeOffset? LastOnlineCheck { get; init; }

    public DateTimeOffset? HighestServerTime { get; init; }

    /// <summary>Gets the verdict of the last signed start-up response, so a lapsed license stays lapsed while offline.</summary>
    public LicenseVerdict? LastVerdict { get; init; }

    public CompanyProfile? Company { get; init; }

    /// <summary>Gets the highest release-manifest sequence and version offered so far: update rollback protection.</summary>
    public UpdateHistoryState? Updates { get; init; }
}
