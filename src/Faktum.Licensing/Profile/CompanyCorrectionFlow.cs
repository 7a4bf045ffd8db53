using Faktum.Licensing.Http;
using Faktum.Licensing.Internal;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Storage;

namespace Faktum.Licensing.Profile;

/// <summary>Reads the registered company from the local state, and corrects its address or contact on the server (S6); the name never changes.</summary>
internal sealed class CompanyCorrectionFlow
{
    private readonly LicenseServerClient _server;
    private readonly InstallationState _installation;
    private readonly LicenseAcceptor _acceptor;

    public CompanyCorrectionFlow(LicenseServerClient server, InstallationState installation, LicenseAcceptor acceptor)
    {
        _server = server;
        _installation = installation;
        _acceptor = acceptor;
    }

    /// <summary>The company of the local state, or <see langword="null"/> when there is none or the folder cannot be read.</summary>
    public async Task<CompanyProfile?> GetAsync(CancellationToken cancellationToken)
    {
        var snapshot = await _installation.ReadAsync(cancellationToken).ConfigureAwait(false);
        return snapshot.Succeeded ? snapshot.Value.State?.Company : null;
    }

    public async Task<LicensingResult<CompanyProfile>> CorrectAsync(CompanyCorrection correction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(correction);
        var read = await _installation.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (!read.Succeeded)
        {
            return new(read.Error);
        }

        if (read.Value is not { State: { } state, Token: { Length: > 0 } token })
        {
            return new(LicensingError.Of(LicensingFailure.NotRegistered, LicenseStatusMessages.NoLicenseHeld));
        }

        var request = new CompanyCorrectionRequest(null, correction.Postcode, correction.Street, correction.HouseNumber, correction.City, correction.ContactName, correction.Phone);
        var issued = await _server.CorrectCompanyAsync(request, token, cancellationToken).ConfigureAwait(false);
        if (!issued.Succeeded)
        {
            return new(issued.Error);
        }

        var accepted = await _acceptor.AcceptAsync(issued.Value, state.InstallationId, cancellationToken).ConfigureAwait(false);
        return accepted.Succeeded ? new(accepted.Value.Company) : new(accepted.Error);
    }
}
