using Faktum.Licensing.Companies;
using Faktum.Licensing.Confirmation;
using Faktum.Licensing.Profile;
using Faktum.Licensing.Recovery;
using Faktum.Licensing.Registration;
using Faktum.Licensing.Seats;
using Faktum.Licensing.Startup;
using Microsoft.Extensions.Logging;

namespace Faktum.Licensing.Internal;

/// <summary>
/// The one implementation of <see cref="IFaktumLicensing"/>: a facade that forwards to the flows in their feature folders and
/// keeps <see cref="Current"/> (the current company's status) and every company's status of this process' latest check (S9),
/// raising <see cref="StatusChanged"/> when a check, a confirmation or a change of company changes <see cref="Current"/>.
/// </summary>
internal sealed partial class FaktumLicensingService : IFaktumLicensing
{
    private readonly RegistrationFlow _registration;
    private readonly RecoveryFlow _recovery;
    private readonly ConfirmationFlow _confirmation;
    private readonly StartupCheck _startup;
    private readonly CompanyCorrectionFlow _company;
    private readonly InstallationsFlow _installations;
    private readonly CompaniesFlow _companies;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private LicenseStatus _current;
    private Dictionary<string, LicenseStatus> _statuses = new(StringComparer.Ordinal);

    public FaktumLicensingService(
        RegistrationFlow registration,
        RecoveryFlow recovery,
        ConfirmationFlow confirmation,
        StartupCheck startup,
        CompanyCorrectionFlow company,
        InstallationsFlow installations,
        CompaniesFlow companies,
        TimeProvider timeProvider,
        ILogger<FaktumLicensingService> logger)
    {
        _registration = registration;
        _recovery = recovery;
        _confirmation = confirmation;
        _startup = startup;
        _company = company;
        _installations = installations;
        _companies = companies;
        _logger = logger;
        _current = new LicenseStatus { State = LicenseState.NotChecked, CheckedAt = timeProvider.GetUtcNow() };
    }

    public event EventHandler<LicenseStatusChangedEventArgs>? StatusChanged;

    public LicenseStatus Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    public Task<LicensingResult> RegisterCompanyAsync(CompanyRegistration registration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        return _registration.RegisterAsync(registration, cancellationToken);
    }

    public Task<LicensingResult> RequestOneTimePasswordAsync(string email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        return _recovery.RequestRecoveryAsync(email, cancellationToken);
    }

    public async Task<LicensingResult<LicenseStatus>> ConfirmAsync(string email, string oneTimePassword, SeatChoice? choice = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(oneTimePassword);
        var result = await _confirmation.ConfirmAsync(email, oneTimePassword, choice, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return new(result.Error);
        }

        Publish(result.Value.Current, statuses => statuses.SetRange(result.Value.Licenses));
        return new(result.Value.Current);
    }

    public async Task<LicenseStatus> CheckAsync(CancellationToken cancellationToken = default)
    {
        var outcome = await _startup.RunAsync(Current.UpdateDecision, cancellationToken).ConfigureAwait(false);
        var status = outcome.Current;
        Log.Checked(_logger, status.State, status.DaysLeft, status.IsConfirmedOnline);
        Publish(status, statuses =>
        {
            statuses.Clear();
            statuses.SetRange(outcome.Licenses);
        });
        return status;
    }

    public Task<LicensingResult<IReadOnlyList<CompanyLicense>>> GetCompaniesAsync(CancellationToken cancellationToken = default) =>
        _companies.ListAsync(Statuses(), cancellationToken);

    public async Task<LicensingResult<LicenseStatus>> SelectCompanyAsync(string licenseId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(licenseId);
        var result = await _companies.SelectAsync(licenseId, Statuses(), cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            Publish(result.Value, statuses => statuses[licenseId] = result.Value);
        }

        return result;
    }

    public async Task<LicensingResult> RemoveCompanyAsync(string licenseId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(licenseId);
        var result = await _companies.RemoveAsync(licenseId, Statuses(), cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return new LicensingResult(result.Error);
        }

        Publish(result.Value, statuses => statuses.Remove(licenseId));
        return LicensingResult.Success;
    }

    public Task<CompanyProfile?> GetCompanyProfileAsync(CancellationToken cancellationToken = default) =>
        _company.GetAsync(cancellationToken);

    public Task<LicensingResult<CompanyProfile>> CorrectCompanyAsync(CompanyCorrection correction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(correction);
        return _company.CorrectAsync(correction, cancellationToken);
    }

    public Task<LicensingResult<InstallationOverview>> GetInstallationsAsync(CancellationToken cancellationToken = default) =>
        _installations.ListAsync(cancellationToken);

    public Task<LicensingResult> ReleaseInstallationAsync(string installationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(installationId);
        return _installations.ReleaseAsync(installationId, cancellationToken);
    }

    public Task<LicensingResult> RenameInstallationAsync(string installationId, string? label, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(installationId);
        return _installations.RenameAsync(installationId, label, cancellationToken);
    }

    private Dictionary<string, LicenseStatus> Statuses()
    {
        lock (_gate)
        {
            return new(_statuses, StringComparer.Ordinal);
        }
    }

    /// <summary>Makes <paramref name="status"/> <see cref="Current"/> and changes the companies' statuses, together under the gate.</summary>
    private void Publish(LicenseStatus status, Action<Dictionary<string, LicenseStatus>> change)
    {
        LicenseStatus previous;
        lock (_gate)
        {
            previous = _current;
            _current = status;
            var statuses = new Dictionary<string, LicenseStatus>(_statuses, StringComparer.Ordinal);
            change(statuses);
            _statuses = statuses;
        }

        if (previous.State != status.State || previous.DaysLeft != status.DaysLeft || previous.Company != status.Company || previous.Message != status.Message
            || !string.Equals(previous.Claims?.LicenseId, status.Claims?.LicenseId, StringComparison.Ordinal))
        {
            StatusChanged?.Invoke(this, new LicenseStatusChangedEventArgs(previous, status));
        }
    }

    private static partial class Log
    {
        [LoggerMessage(20, LogLevel.Information, "License check: {State}, days left {DaysLeft}, confirmed online {Online}.", EventName = "Checked")]
        public static partial void Checked(ILogger logger, LicenseState state, int? daysLeft, bool online);
    }
}
