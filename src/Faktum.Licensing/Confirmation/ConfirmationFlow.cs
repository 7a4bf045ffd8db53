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

    public async Task<LicensingResult<LicenseStatus>> ConfirmAsync(string email, string oneTimePassword, SeatChoice? choice, CancellationToken cancellationToken)
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

        var request = new ConfirmationRequest(email, oneTimePassword.Trim(), installation.Value, _options.ProductId, choice?.Label, choice?.ReleaseInstallationId);
        var issued = await _server.ConfirmAsync(request, cancellationToken).ConfigureAwait(false);
        if (!issued.Succeeded)
        {
            return new(issued.Error);
        }

        var accepted = await _acceptor.AcceptAsync(issued.Value, installation.Value, cancellationToken).ConfigureAwait(false);
        if (!accepted.Succeeded)
        {
            return new(accepted.Error);
        }

        var (claims, company) = (accepted.Value.Claims, accepted.Value.Company);
        var now = _timeProvider.GetUtcNow();
        var status = now < claims.IssuedAt - _options.ClockTolerance
            ? LicenseStatusMapping.Of(LicenseState.ClockRolledBack, now, LicenseStatusMessages.ClockBehindIssuedLicense(now, claims.IssuedAt)) with
            {
                Company = company,
                Claims = claims,
                IsConfirmedOnline = true,
            }
            : LicenseStatusMapping.FromClaims(claims, company, now, daysLeft: null, online: true);
        Log.Confirmed(_logger, claims.LicenseId, status.State);
        return new(status);
    }

    private static partial class Log
    {
        [LoggerMessage(24, LogLevel.Information, "License {LicenseId} confirmed for this installation: {State}.", EventName = "Confirmed")]
        public static partial void Confirmed(ILogger logger, string licenseId, LicenseState state);
    }
}
