namespace Faktum.Licensing;

/// <summary>The seats of this installation's license and the installations holding them (S8), from <see cref="IFaktumLicensing.GetInstallationsAsync"/>.</summary>
/// <param name="Seats">How many installations the license may be bound to at once.</param>
/// <param name="MovesLeft">How many moves (a seat taken from one installation for another, or a release) are left now.</param>
/// <param name="NextMoveAt">With no move left, when the next one is possible; otherwise <see langword="null"/>.</param>
/// <param name="Installations">The installations holding a seat, the oldest first.</param>
public sealed record InstallationOverview(int Seats, int MovesLeft, DateTimeOffset? NextMoveAt, IReadOnlyList<LicensedInstallation> Installations);
