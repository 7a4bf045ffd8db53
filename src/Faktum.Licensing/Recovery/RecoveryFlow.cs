using Faktum.Licensing.Http;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Storage;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Recovery;

/// <summary>Recovery of an existing company's license (S4): asks the server to mail a one-time password, then <c>ConfirmAsync</c>.</summary>
internal sealed class RecoveryFlow
{
    private readonly LicenseServerClient _server;
    private readonly InstallationState _installation;
    private readonly string _product;

    public RecoveryFlow(LicenseServerClient server, InstallationState installation, IOptions<FaktumLicensingOptions> options)
    {
        _server = server;
        _installation = installation;
        _product = options.Value.ProductId!;
    }

    public async Task<LicensingResult> RequestRecoveryAsync(string email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var installation = await _installation.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return installation.Succeeded
            ? await _server.RequestRecoveryAsync(new RecoveryRequest(email, _product, installation.Value), cancellationToken).ConfigureAwait(false)
            : new LicensingResult(installation.Error);
    }
}
