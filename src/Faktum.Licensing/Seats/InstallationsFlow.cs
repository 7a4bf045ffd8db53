using Faktum.Licensing.Http;
using Faktum.Licensing.Internal;
using Faktum.Licensing.Storage;

namespace Faktum.Licensing.Seats;

/// <summary>
/// The owner's installations (S8): list, release and rename, each authorised by this installation's license token. Nothing local
/// changes: a released installation (this one too) learns it at its next start-up check ("moved").
/// </summary>
internal sealed class InstallationsFlow
{
    private readonly LicenseServerClient _server;
    private readonly InstallationState _installation;

    public InstallationsFlow(LicenseServerClient server, InstallationState installation)
    {
        _server = server;
        _installation = installation;
    }

    public async Task<LicensingResult<InstallationOverview>> ListAsync(CancellationToken cancellationToken)
    {
        var token = await TokenAsync(cancellationToken).ConfigureAwait(false);
        return token.Succeeded ? await _server.GetInstallationsAsync(token.Value, cancellationToken).ConfigureAwait(false) : new(token.Error);
    }

    public async Task<LicensingResult> ReleaseAsync(string installationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(installationId);
        var token = await TokenAsync(cancellationToken).ConfigureAwait(false);
        return token.Succeeded ? await _server.ReleaseInstallationAsync(installationId, token.Value, cancellationToken).ConfigureAwait(false) : new(token.Error);
    }

    public async Task<LicensingResult> RenameAsync(string installationId, string? label, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(installationId);
        var token = await TokenAsync(cancellationToken).ConfigureAwait(false);
        return token.Succeeded ? await _server.RenameInstallationAsync(installationId, label, token.Value, cancellationToken).ConfigureAwait(false) : new(token.Error);
    }

    private async Task<LicensingResult<string>> TokenAsync(CancellationToken cancellationToken)
    {
        var read = await _installation.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (!read.Succeeded)
        {
            return new(read.Error);
        }

        return read.Value is { State: not null, Token: { Length: > 0 } token }
            ? new(token)
            : new(LicensingError.Of(LicensingFailure.NotRegistered, LicenseStatusMessages.NoLicenseHeld));
    }
}
