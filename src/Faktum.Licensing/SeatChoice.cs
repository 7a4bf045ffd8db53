namespace Faktum.Licensing;

/// <summary>
/// What the user chose at confirmation (S8, S9): a label for this computer; at a recovery of an account with several companies
/// (<see cref="LicensingFailure.CompanyChoiceRequired"/>), the companies to bring; and, when the seats are full
/// (<see cref="LicensingFailure.SeatsFull"/>), the installation whose seat this one takes, one per full license.
/// </summary>
public sealed record SeatChoice
{
    /// <summary>Gets the label the user typed for this computer ("Kantoor-PC"); at most 40 characters, no control or invisible characters.</summary>
    public string? Label { get; init; }

    /// <summary>Gets the <see cref="LicensedInstallation.Id"/> of the installation to release, from <see cref="LicensingResult{TValue}.Installations"/>.</summary>
    public string? ReleaseInstallationId { get; init; }

    /// <summary>
    /// Gets the companies to bring to this installation at a recovery (S9), by their <see cref="AccountCompany.LicenseId"/> from
    /// <see cref="LicensingResult{TValue}.Companies"/> (1 to 25); <see langword="null"/> brings the account's only company.
    /// Companies this installation already holds may be named again: their licenses are renewed, the others stay as they are.
    /// </summary>
    public IReadOnlyList<string>? LicenseIds { get; init; }

    /// <summary>
    /// Gets the installations to release when several of the chosen licenses have their seats full, one per full license
    /// (<see cref="LicensedInstallation.Id"/> from each <see cref="LicensingFailure.SeatsFull"/> answer); sent together with
    /// <see cref="ReleaseInstallationId"/>, which is the one-element form.
    /// </summary>
    public IReadOnlyList<string>? ReleaseInstallationIds { get; init; }
}
