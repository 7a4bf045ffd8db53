using Faktum.Licensing.Http;
using Faktum.Licensing.Internal;
using Faktum.Licensing.Startup;
using Faktum.Licensing.Storage;
using Faktum.Licensing.Tokens;
using Microsoft.Extensions.Logging;

namespace Faktum.Licensing.Companies;

/// <summary>
/// The companies whose licenses this installation holds (S9): list them with their status, choose the current one, and remove one
/// (its seat released on the server first, then its license removed from the data folder).
/// </summary>
internal sealed partial class CompaniesFlow
{
    private readonly LicenseServerClient _server;
    private readonly InstallationState _installation;
    private readonly LicensingVerifiers _verifiers;
    private readonly OfflineRules _offline;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public CompaniesFlow(LicenseServerClient server, InstallationState installation, LicensingVerifiers verifiers, OfflineRules offline, TimeProvider timeProvider, ILogger<CompaniesFlow> logger)
    {
        _server = server;
        _installation = installation;
        _verifiers = verifiers;
        _offline = offline;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>The companies ordered by name; each with its status in <paramref name="known"/>, or else its offline status.</summary>
    public async Task<LicensingResult<IReadOnlyList<CompanyLicense>>> ListAsync(IReadOnlyDictionary<string, LicenseStatus> known, CancellationToken cancellationToken)
    {
        var read = await _installation.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (!read.Succeeded)
        {
            return new(read.Error);
        }

        var snapshot = read.Value;
        if (snapshot is not { Condition: LocalStateCondition.Usable, State: { } state })
        {
            return new(Array.Empty<CompanyLicense>());
        }

        var companies = new List<CompanyLicense>(snapshot.Licenses.Count);
        foreach (var license in snapshot.Licenses)
        {
            var status = known.TryGetValue(license.LicenseId, out var found) ? found : await OfflineStatusAsync(state, license).ConfigureAwait(false);
            var isCurrent = string.Equals(license.LicenseId, snapshot.CurrentLicenseId, StringComparison.Ordinal);
            companies.Add(new CompanyLicense(license.LicenseId, ProfileOf(license, status), status, isCurrent));
        }

        return new([.. ByName(companies, c => c.Profile.Name, c => c.LicenseId)]);
    }

    /// <summary>Makes <paramref name="licenseId"/> the current company; returns its status (from <paramref name="known"/>, or offline).</summary>
    public async Task<LicensingResult<LicenseStatus>> SelectAsync(string licenseId, IReadOnlyDictionary<string, LicenseStatus> known, CancellationToken cancellationToken)
    {
        var written = await _installation.UpdateLicensesAsync(
            current => current.State is not null && Find(current, licenseId) is not null ? current with { CurrentLicenseId = licenseId } : null,
            cancellationToken).ConfigureAwait(false);
        if (!written.Succeeded)
        {
            return new(written.Error);
        }

        if (written.Value is not { State: { } state } snapshot || Find(snapshot, licenseId) is not { } license
            || !string.Equals(snapshot.CurrentLicenseId, licenseId, StringComparison.Ordinal))
        {
            return new(NotOnInstallation());
        }

        return new(known.TryGetValue(licenseId, out var status) ? status : await OfflineStatusAsync(state, license).ConfigureAwait(false));
    }

    /// <summary>
    /// Releases this installation's seat of <paramref name="licenseId"/> on the server, then removes the license here; the next company
    /// by name becomes current when it was. Returns the new current company's status, or <see cref="LicenseState.NotRegistered"/>.
    /// </summary>
    public async Task<LicensingResult<LicenseStatus>> RemoveAsync(string licenseId, IReadOnlyDictionary<string, LicenseStatus> known, CancellationToken cancellationToken)
    {
        var read = await _installation.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (!read.Succeeded)
        {
            return new(read.Error);
        }

        if (read.Value is not { Condition: LocalStateCondition.Usable, State: not null } snapshot || Find(snapshot, licenseId) is not { } license)
        {
            return new(NotOnInstallation());
        }

        var released = await ReleaseOwnSeatAsync(license.Token, cancellationToken).ConfigureAwait(false);
        if (!released.Succeeded)
        {
            return new(released.Error);
        }

        var written = await _installation.UpdateLicensesAsync(
            current =>
            {
                if (current.State is null || Find(current, licenseId) is null)
                {
                    return null;
                }

                var left = current.Licenses.Where(l => !string.Equals(l.LicenseId, licenseId, StringComparison.Ordinal)).ToList();
                var next = string.Equals(current.CurrentLicenseId, licenseId, StringComparison.Ordinal)
                    ? ByName(left, l => l.Company?.Name ?? string.Empty, l => l.LicenseId).FirstOrDefault()?.LicenseId
                    : current.CurrentLicenseId;
                return current with { Licenses = left, CurrentLicenseId = next };
            },
            cancellationToken).ConfigureAwait(false);
        if (!written.Succeeded)
        {
            return new(written.Error);
        }

        Log.CompanyRemoved(_logger, licenseId);
        return written.Value is { State: { } state, CurrentLicense: { } now }
            ? new(known.TryGetValue(now.LicenseId, out var status) ? status : await OfflineStatusAsync(state, now).ConfigureAwait(false))
            : new(LicenseStatusMapping.Of(LicenseState.NotRegistered, _timeProvider.GetUtcNow(), LicenseStatusMessages.NotRegistered));
    }

    /// <summary>
    /// Frees this installation's seat (not a move): the installation list names it, then it is released. A license the server no
    /// longer binds to this installation (moved, revoked, unknown: the token or the seat is refused) has no seat here to free.
    /// </summary>
    private async Task<LicensingResult> ReleaseOwnSeatAsync(string token, CancellationToken cancellationToken)
    {
        var listed = await _server.GetInstallationsAsync(token, cancellationToken).ConfigureAwait(false);
        if (!listed.Succeeded)
        {
            return IsGoneFromServer(listed.Failure) ? LicensingResult.Success : new LicensingResult(listed.Error);
        }

        if (listed.Value.Installations.FirstOrDefault(i => i.IsThisInstallation) is not { } own)
        {
            return LicensingResult.Success;
        }

        var released = await _server.ReleaseInstallationAsync(own.Id, token, cancellationToken).ConfigureAwait(false);
        return released.Succeeded || IsGoneFromServer(released.Failure) ? LicensingResult.Success : released;
    }

    private static bool IsGoneFromServer(LicensingFailure failure) => failure is LicensingFailure.LicenseRejected or LicensingFailure.RequestRejected;

    private async Task<LicenseStatus> OfflineStatusAsync(LocalLicenseState state, StoredLicense license)
    {
        var validation = await _verifiers.Token.ValidateAsync(license.Token, new LicenseBinding(InstallationId: state.InstallationId)).ConfigureAwait(false);
        return _offline.Evaluate(StartupCheck.ViewOf(state, license), validation, _timeProvider.GetUtcNow(), why: null);
    }

    private static CompanyProfile ProfileOf(StoredLicense license, LicenseStatus status) =>
        license.Company ?? status.Company ?? (status.Claims?.Company is { } claimed
            ? new CompanyProfile(claimed.Name, claimed.Postcode, claimed.Country, string.Empty, string.Empty, string.Empty, string.Empty, null, string.Empty)
            : new CompanyProfile(string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, null, string.Empty));

    private static StoredLicense? Find(LocalSnapshot snapshot, string licenseId) =>
        snapshot.Licenses.FirstOrDefault(l => string.Equals(l.LicenseId, licenseId, StringComparison.Ordinal));

    private static IOrderedEnumerable<T> ByName<T>(IEnumerable<T> items, Func<T, string> name, Func<T, string> id) =>
        items.OrderBy(name, StringComparer.InvariantCultureIgnoreCase).ThenBy(id, StringComparer.Ordinal);

    private static LicensingError NotOnInstallation() =>
        LicensingError.Of(LicensingFailure.CompanyNotOnInstallation, LicenseStatusMessages.CompanyNotOnInstallation);

    private static partial class Log
    {
        [LoggerMessage(28, LogLevel.Information, "License {LicenseId} was removed from this installation.", EventName = "CompanyRemoved")]
        public static partial void CompanyRemoved(ILogger logger, string licenseId);
    }
}
