namespace Faktum.Licensing.Startup;

/// <summary>What a start-up check found (S9): the status of every license on the installation by license id, and the current one's.</summary>
/// <param name="Current">The current company's status (<see cref="IFaktumLicensing.Current"/>); without a license, why there is none.</param>
/// <param name="Licenses">Each license's status, by license id; empty when the installation holds none.</param>
internal sealed record StartupOutcome(LicenseStatus Current, IReadOnlyDictionary<string, LicenseStatus> Licenses);
