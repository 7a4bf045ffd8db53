using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Faktum.Licensing.Http;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Registration;

/// <summary>
/// Registers a new company (S2). One idempotency key per registration attempt: kept while the same registration is repeated after
/// a failure that may have reached the server, so neither the resilience pipeline's retries nor the user's "try again" can create
/// a second account.
/// </summary>
internal sealed partial class RegistrationFlow
{
    private readonly LicenseServerClient _server;
    private readonly InstallationState _installation;
    private readonly string _product;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private RegistrationAttempt? _attempt;

    public RegistrationFlow(LicenseServerClient server, InstallationState installation, IOptions<FaktumLicensingOptions> options, ILogger<RegistrationFlow> logger)
    {
        _server = server;
        _installation = installation;
        _product = options.Value.ProductId!;
        _logger = logger;
    }

    public async Task<LicensingResult> RegisterAsync(CompanyRegistration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var installation = await _installation.EnsureAsync(cancellationToken).ConfigureAwait(false);
        if (!installation.Succeeded)
        {
            return new LicensingResult(installation.Error);
        }

        var request = new RegistrationRequest(
            _product,
            new CompanyInput(registration.CompanyName, registration.Postcode, registration.Country, registration.Street, registration.HouseNumber, registration.City),
            new ContactInput(registration.ContactName, registration.Phone),
            registration.Email,
            installation.Value);

        var result = await _server.RegisterAsync(request, IdempotencyKeyFor(request), cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            Forget();
            Log.Registered(_logger);
        }
        else if (result.Failure is not (LicensingFailure.ServerUnreachable or LicensingFailure.RateLimited or LicensingFailure.InvalidResponse))
        {
            // The server answered, and not with "later": a repeat is a new attempt.
            Forget();
        }

        return result;
    }

    private string IdempotencyKeyFor(RegistrationRequest request)
    {
        var fingerprint = SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, ProtocolJsonContext.Default.RegistrationRequest));
        lock (_gate)
        {
            if (_attempt is not { } attempt || !CryptographicOperations.FixedTimeEquals(attempt.Fingerprint, fingerprint))
            {
                _attempt = new RegistrationAttempt(fingerprint, Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)));
            }

            return _attempt.IdempotencyKey;
        }
    }

    private void Forget()
    {
        lock (_gate)
        {
            _attempt = null;
        }
    }

    /// <summary>The registration being attempted (a hash of its request) and the idempotency key every repeat of it carries.</summary>
    private sealed record RegistrationAttempt(byte[] Fingerprint, string IdempotencyKey);

    private static partial class Log
    {
        [LoggerMessage(23, LogLevel.Information, "The company registration was accepted; a one-time password is on its way.", EventName = "Registered")]
        public static partial void Registered(ILogger logger);
    }
}
