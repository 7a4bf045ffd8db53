using Faktum.Licensing.Http;
using Faktum.Licensing.Internal;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Startup;
using Faktum.Licensing.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Confirmation;

/// <summary>Confirms the e-mail address with the one-time password (S2, S4) and stores the license the server issues for this installation.</summary>
internal sealed partial class ConfirmationFlow
{
    private readonly LicenseServerClient _server;
    private readonly InstallationState _installation;
    private readonly LicenseAcceptor _acceptor;
    private readonly PinnedKeyCheck _keys;
    private readonly TimeProvider _timeProvider;
    private readonly FaktumLicensingOptions _options;
    private readonly ILogger _logger;

    public ConfirmationFlow(
        LicenseServerClient server,
        InstallationState installation,
        LicenseAcceptor acceptor,
        PinnedKeyCheck keys,
        IOptions<FaktumLicensingOptions> options,
        TimeProvider timeProvider,
        ILogger<ConfirmationFlow> logger)
    {
        _server = server;
        _installation = installation;
        _acceptor = acceptor;
        _keys = keys;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Confirms and stores every license the server issued; the outcome holds each one's status and the first's (the new current company).</summary>
    public async Task<LicensingResult<StartupOutcome>> ConfirmAsync(string email, string oneTimePassword, SeatChoice? choice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(oneTimePassword);
        var installation = await _installation.EnsureAsync(cancellationToken).ConfigureAwait(false);
        if (!installation.Succeeded)
        {
            return new(installation.Error);
        }

        // Before the password is spent: a server that publishes no pinned key would issue a license this app refuses.
        var keys = await _keys.EnsureAsync(cancellationToken).ConfigureAwait(false);
        if (!keys.Succeeded)
        {
            return new(keys.Error);
        }

        var request = new ConfirmationRequest(
            email, oneTimePassword.Trim(), installation.Value, _options.ProductId, choice?.Label, choice?.ReleaseInstallationId, choice?.LicenseIds, choice?.ReleaseInstallationIds);
        var issued = await _server.ConfirmAsync(request, cancellationToken).ConfigureAwait(false);
        if (!issued.Succeeded)
        {
            return new(issued.Failure == LicensingFailure.CompanyChoiceRequired ? await MarkHeldAsync(issued.Error, cancellationToken).ConfigureAwait(false) : issued.Error);
        }

        var accepted = await _acceptor.AcceptAllAsync(issued.Value, installation.Value, cancellationToken).ConfigureAwait(false);
        if (!accepted.Succeeded)
        {
            return new(accepted.Error);
        }

        var now = _timeProvider.GetUtcNow();
        var statuses = new Dictionary<string, LicenseStatus>(StringComparer.Ordinal);
        foreach (var (claims, company) in accepted.Value)
        {
            var status = now < claims.IssuedAt - _options.ClockTolerance
                ? LicenseStatusMapping.Of(LicenseState.ClockRolledBack, now, LicenseStatusMessages.ClockBehindIssuedLicense(now, claims.IssuedAt)) with
                {
                    Company = company,
                    Claims = claims,
                    IsConfirmedOnline = true,
                }
                : LicenseStatusMapping.FromClaims(claims, company, now, daysLeft: null, online: true);
            Log.Confirmed(_logger, claims.LicenseId, status.State);
            statuses[claims.LicenseId] = status;
        }

        return new(new StartupOutcome(statuses[accepted.Value[0].Claims.LicenseId], statuses));
    }

    /// <summary>The account's companies of a <see cref="LicensingFailure.CompanyChoiceRequired"/> answer, marked when this installation holds them.</summary>
    private async Task<LicensingError> MarkHeldAsync(LicensingError error, CancellationToken cancellationToken)
    {
        var read = await _installation.ReadAsync(cancellationToken).ConfigureAwait(false);
        var held = read.Succeeded ? read.Value.Licenses.Select(l => l.LicenseId).ToHashSet(StringComparer.Ordinal) : [];
        return error with { Companies = [.. (error.Companies ?? []).Select(c => c with { IsOnThisInstallation = held.Contains(c.LicenseId) })] };
    }

    private static partial class Log
    {
        [LoggerMessage(24, LogLevel.Information, "License {LicenseId} confirmed for this installation: {State}.", EventName = "Confirmed")]
        public static partial void Confirmed(ILogger logger, string licenseId, LicenseState state);
    }
}
