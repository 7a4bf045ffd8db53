namespace Faktum.Licensing;

/// <summary>
/// What the user chose at confirmation (S8): a label for this computer, and, when the seats are full
/// (<see cref="LicensingFailure.SeatsFull"/>), the installation whose seat this one takes.
/// </summary>
public sealed record SeatChoice
{
    /// <summary>Gets the label the user typed for this computer ("Kantoor-PC"); at most 40 characters, no control or invisible characters.</summary>
    public string? Label { get; init; }

    /// <summary>Gets the <see cref="LicensedInstallation.Id"/> of the installation to release, from <see cref="LicensingResult{TValue}.Installations"/>.</summary>
    public string? ReleaseInstallationId { get; init; }
}
