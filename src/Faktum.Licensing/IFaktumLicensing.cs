namespace Faktum.Licensing;

/// <summary>
/// The licensing services of a host app: register a company, recover a license, confirm with a one-time password,
/// run the start-up check, read or correct the company profile, and see or release the license's installations. Registered as a singleton by
/// <see cref="FaktumLicensingServiceCollectionExtensions.AddFaktumLicensing(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{FaktumLicensingOptions})"/>.
/// </summary>
/// <remarks>
/// Expected outcomes — the company is already registered, the password is wrong, the server cannot be reached — are typed results,
/// never exceptions. Only misuse (a <see langword="null"/> argument) and cancellation throw. The members are thread-safe, and
/// two processes may share one data folder.
/// </remarks>
public interface IFaktumLicensing
{
    /// <summary>Occurs when <see cref="Current"/> changes.</summary>
    event EventHandler<LicenseStatusChangedEventArgs>? StatusChanged;

    /// <summary>Gets the status of the current company (the one the host works in, S9) found by the latest check, confirmation or
    /// <see cref="SelectCompanyAsync"/> in this process; <see cref="LicenseState.NotChecked"/> before the first.</summary>
    LicenseStatus Current { get; }

    /// <summary>Registers a new company (S2); the server e-mails a one-time password to pass to <see cref="ConfirmAsync"/>.</summary>
    /// <param name="registration">The company and contact.</param>
    /// <param name="cancellationToken">The token to cancel the call.</param>
    /// <returns>Success, or <see cref="LicensingFailure.CompanyAlreadyRegistered"/>, <see cref="LicensingFailure.InvalidInput"/>,
    /// <see cref="LicensingFailure.RateLimited"/>, <see cref="LicensingFailure.ServerUnreachable"/>, …. A retry of the same registration
    /// never creates a second account: the call carries an idempotency key that is reused when it is repeated.</returns>
    Task<LicensingResult> RegisterCompanyAsync(CompanyRegistration registration, CancellationToken cancellationToken = default);

    /// <summary>Asks for a one-time password for an existing company (S4, recovery). The answer is the same whether or not the address is known.</summary>
    /// <param name="email">The company's e-mail address.</param>
    /// <param name="cancellationToken">The token to cancel the call.</param>
    /// <returns>Success, or <see cref="LicensingFailure.InvalidInput"/>, <see cref="LicensingFailure.RateLimited"/>, <see cref="LicensingFailure.ServerUnreachable"/>, ….</returns>
    Task<LicensingResult> RequestOneTimePasswordAsync(string email, CancellationToken cancellationToken = default);

    /// <summary>Confirms the e-mail address with the one-time password and stores the license for this installation (S2, S4).
    /// The license is added to the companies this installation holds (S9; one it already holds is renewed) and becomes the current
    /// company; the other companies stay. A recovery of an account with several companies answers
    /// <see cref="LicensingFailure.CompanyChoiceRequired"/> with <see cref="LicensingResult{TValue}.Companies"/>; confirm again with the
    /// same password naming them in <see cref="SeatChoice.LicenseIds"/> (the first named becomes current).
    /// This call is never retried automatically: a password is single use. With several seats (S8) a free one is taken; with the
    /// seats full the answer is <see cref="LicensingFailure.SeatsFull"/>, and the host confirms again with the same password and a
    /// <paramref name="choice"/> naming the installation to release. With one seat the previous installation is released without asking.</summary>
    /// <param name="email">The e-mail address the password was sent to.</param>
    /// <param name="oneTimePassword">The one-time password as the user typed it.</param>
    /// <param name="choice">The label the user typed for this computer and, after <see cref="LicensingFailure.SeatsFull"/>, the installation to release.</param>
    /// <param name="cancellationToken">The token to cancel the call.</param>
    /// <returns>The new status (Trial or Licensed; ClockRolledBack when this computer's clock is behind the server's, the license
    /// stored all the same), or <see cref="LicensingFailure.OneTimePasswordInvalid"/>, <see cref="LicensingFailure.TooManyAttempts"/>,
    /// <see cref="LicensingFailure.SeatsFull"/> with <see cref="LicensingResult{TValue}.Installations"/> (the password is not spent),
    /// <see cref="LicensingFailure.MoveBudgetExhausted"/> with <see cref="LicensingResult{TValue}.NextMoveAt"/>,
    /// <see cref="LicensingFailure.CompanyChoiceRequired"/> with <see cref="LicensingResult{TValue}.Companies"/> (the password is not spent),
    /// <see cref="LicensingFailure.InvalidResponse"/>, ….</returns>
    Task<LicensingResult<LicenseStatus>> ConfirmAsync(string email, string oneTimePassword, SeatChoice? choice = null, CancellationToken cancellationToken = default);

    /// <summary>Runs the start-up check (S5): one signed, privacy-minimal exchange with the server for every license on this
    /// installation (S9), or the offline rules, per license, when it cannot be reached.</summary>
    /// <param name="cancellationToken">The token to cancel the check.</param>
    /// <returns>The current company's status, which also becomes <see cref="Current"/>; every company's is in <see cref="GetCompaniesAsync"/>.
    /// A check never fails: every outcome is a <see cref="LicenseState"/>.</returns>
    Task<LicenseStatus> CheckAsync(CancellationToken cancellationToken = default);

    /// <summary>Lists the companies whose licenses this installation holds (S9), ordered by name, from the local state without calling the
    /// server: each with its status from this process' latest check, or before the first check its offline status.</summary>
    /// <param name="cancellationToken">The token to cancel the read.</param>
    /// <returns>The companies (empty when this installation holds no license), or <see cref="LicensingFailure.LocalStateUnavailable"/>.</returns>
    Task<LicensingResult<IReadOnlyList<CompanyLicense>>> GetCompaniesAsync(CancellationToken cancellationToken = default);

    /// <summary>Makes a company this installation holds the current one (S9): stored in the data folder, so the next start works in it
    /// too; <see cref="Current"/> becomes its status and <see cref="StatusChanged"/> is raised. No server call.</summary>
    /// <param name="licenseId">The <see cref="CompanyLicense.LicenseId"/>.</param>
    /// <param name="cancellationToken">The token to cancel the call.</param>
    /// <returns>The company's status, or <see cref="LicensingFailure.CompanyNotOnInstallation"/>, <see cref="LicensingFailure.LocalStateUnavailable"/>.</returns>
    Task<LicensingResult<LicenseStatus>> SelectCompanyAsync(string licenseId, CancellationToken cancellationToken = default);

    /// <summary>Removes a company from this installation (S9): releases this installation's seat of its license on the server (not a
    /// move), then removes the license from the data folder. The company's data in the host app is the host's; nothing else changes.
    /// Removing the current company makes the next one (by name) current, or none.</summary>
    /// <param name="licenseId">The <see cref="CompanyLicense.LicenseId"/>.</param>
    /// <param name="cancellationToken">The token to cancel the call.</param>
    /// <returns>Success (also when the server no longer binds the license to this installation: it is removed here all the same), or
    /// <see cref="LicensingFailure.ServerUnreachable"/> (nothing removed), <see cref="LicensingFailure.CompanyNotOnInstallation"/>,
    /// <see cref="LicensingFailure.RateLimited"/>, ….</returns>
    Task<LicensingResult> RemoveCompanyAsync(string licenseId, CancellationToken cancellationToken = default);

    /// <summary>Reads the registered company (S6) of the current company from the local state, without calling the server.</summary>
    /// <param name="cancellationToken">The token to cancel the read.</param>
    /// <returns>The company, or <see langword="null"/> when this installation holds no license.</returns>
    Task<CompanyProfile?> GetCompanyProfileAsync(CancellationToken cancellationToken = default);

    /// <summary>Corrects the registered address or contact (S6); the name never changes.</summary>
    /// <param name="correction">The members to change.</param>
    /// <param name="cancellationToken">The token to cancel the call.</param>
    /// <returns>The corrected company, or <see cref="LicensingFailure.NotRegistered"/>, <see cref="LicensingFailure.InvalidInput"/>,
    /// <see cref="LicensingFailure.LicenseRejected"/>, ….</returns>
    Task<LicensingResult<CompanyProfile>> CorrectCompanyAsync(CompanyCorrection correction, CancellationToken cancellationToken = default);

    /// <summary>Lists the installations holding a seat of this installation's license (S8), with the seats and the moves left.</summary>
    /// <param name="cancellationToken">The token to cancel the call.</param>
    /// <returns>The overview, or <see cref="LicensingFailure.NotRegistered"/>, <see cref="LicensingFailure.LicenseRejected"/>,
    /// <see cref="LicensingFailure.ServerUnreachable"/>, ….</returns>
    Task<LicensingResult<InstallationOverview>> GetInstallationsAsync(CancellationToken cancellationToken = default);

    /// <summary>Releases an installation's seat (S8); it learns at its next start that it was moved. A release is a move.</summary>
    /// <param name="installationId">The <see cref="LicensedInstallation.Id"/> to release.</param>
    /// <param name="cancellationToken">The token to cancel the call.</param>
    /// <returns>Success, or <see cref="LicensingFailure.MoveBudgetExhausted"/> (with <see cref="LicensingResult.NextMoveAt"/>),
    /// <see cref="LicensingFailure.RequestRejected"/> for an id this license does not hold, ….</returns>
    Task<LicensingResult> ReleaseInstallationAsync(string installationId, CancellationToken cancellationToken = default);

    /// <summary>Sets or removes (<see langword="null"/> or empty) the label of an installation of this license (S8).</summary>
    /// <param name="installationId">The <see cref="LicensedInstallation.Id"/>.</param>
    /// <param name="label">The new label, at most 40 characters.</param>
    /// <param name="cancellationToken">The token to cancel the call.</param>
    /// <returns>Success, or <see cref="LicensingFailure.InvalidInput"/> (field <c>label</c>), <see cref="LicensingFailure.RequestRejected"/>, ….</returns>
    Task<LicensingResult> RenameInstallationAsync(string installationId, string? label, CancellationToken cancellationToken = default);
}
