namespace Faktum.Licensing;

/// <summary>
/// An installation holding a seat of the license (S8), as its owner sees it. Nothing of it was read from the computer (I10): the
/// label is what a user typed, the times and the version are what the server saw at confirmation and at start-up checks.
/// </summary>
/// <param name="Id">The server's id of the seat (<c>ins_…</c>), to pass to <see cref="IFaktumLicensing.ReleaseInstallationAsync"/>,
/// <see cref="IFaktumLicensing.RenameInstallationAsync"/> or <see cref="SeatChoice.ReleaseInstallationId"/>; not the installation's own id.</param>
/// <param name="Label">The label the user typed ("Kantoor-PC"), if any.</param>
/// <param name="FirstSeen">When the installation took its seat.</param>
/// <param name="LastSeen">When its last start-up check reached the server; <see langword="null"/> before the first.</param>
/// <param name="AppVersion">The app version of that check.</param>
/// <param name="Channel">The release channel of that check.</param>
/// <param name="IsThisInstallation">Whether it is the installation that asked.</param>
public sealed record LicensedInstallation(
    string Id,
    string? Label,
    DateTimeOffset FirstSeen,
    DateTimeOffset? LastSeen,
    string? AppVersion,
    string? Channel,
    bool IsThisInstallation);
