using Faktum.Licensing.Http;
using Faktum.Licensing.Storage;
using Faktum.Licensing.Tokens;
using Microsoft.Extensions.Logging;

namespace Faktum.Licensing.Internal;

/// <summary>Verifies a license the server has just issued (confirmation, company correction) and stores it with its company.</summary>
internal sealed partial class LicenseAcceptor
{
    private readonly LicensingVerifiers _verifiers;
    private readonly InstallationState _installation;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public LicenseAcceptor(LicensingVerifiers verifiers, InstallationState installation, TimeProvider timeProvider, ILogger<LicenseAcceptor> logger)
    {
        _verifiers = verifiers;
        _installation = installation;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public async Task<LicensingResult<AcceptedLicense>> AcceptAsync(IssuedLicense issued, string installationId, CancellationToken cancellationToken)
    {
        // Signature, header, issuer, audience and installation, but not the lifetime on this computer's clock: the token was just issued
        // for this request, and the server has already bound the license to this installation. A local clock behind the server's
        // would otherwise lose the license it was just given (the caller reports ClockRolledBack); the offline rules judge exp later.
        var result = await _verifiers.Signature.ValidateAsync(issued.License, new LicenseBinding(InstallationId: installationId)).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            Log.LicenseRefused(_logger, result.Failure);
            return new(LicensingError.Of(LicensingFailure.InvalidResponse, $"The license server sent a license token that was refused ({result.Failure}): {result.Message}"));
        }

        var now = _timeProvider.GetUtcNow();
        var stored = await _installation.UpdateAsync(
            current => ((current.State ?? new LocalLicenseState { InstallationId = installationId }) with
            {
                InstallationId = installationId,
                LastOnlineCheck = now,
                HighestServerTime = Later(current.State?.HighestServerTime, result.Claims.IssuedAt),
                Company = issued.Company,

                // A license the server just issued (confirmation, correction) supersedes the verdict of an earlier check: a
                // license recovered back to this computer must not stay "moved" (or revoked, …) while the server is unreachable.
                LastVerdict = null,
            }, issued.License),
            cancellationToken).ConfigureAwait(false);
        return stored.Succeeded ? new(new AcceptedLicense(result.Claims, issued.Company)) : new(stored.Error);
    }

    internal static DateTimeOffset Later(DateTimeOffset? a, DateTimeOffset b) => a is { } value && value > b ? value : b;

    private static partial class Log
    {
        [LoggerMessage(26, LogLevel.Warning, "The license server's answer was refused: the license token it sent was refused ({Failure}).", EventName = "IssuedLicenseRefused")]
        public static partial void LicenseRefused(ILogger logger, LicenseTokenFailure failure);
    }
}
