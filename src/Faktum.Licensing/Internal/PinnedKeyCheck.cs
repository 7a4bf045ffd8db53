using Faktum.Licensing.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Internal;

/// <summary>
/// Checks, before a one-time password is spent, that the server publishes at least one key this app pins (same <c>kid</c>, same
/// <c>x</c>) in its JWKS. A server whose keys are all unknown (another server, a key pinned wrongly) would issue a license this app
/// must refuse — after the password is used up. The JWKS only decides to <em>refuse</em> early: trust still comes only from
/// <see cref="FaktumLicensingOptions.TrustedKeys"/>, and every answer is still verified under the pinned keys. A match is
/// remembered for the life of the process; a mismatch is asked again next time (the vendor may fix the server or the app).
/// </summary>
internal sealed partial class PinnedKeyCheck
{
    private readonly LicenseServerClient _server;
    private readonly FaktumLicensingOptions _options;
    private readonly ILogger _logger;
    private volatile bool _matched;

    public PinnedKeyCheck(LicenseServerClient server, IOptions<FaktumLicensingOptions> options, ILogger<PinnedKeyCheck> logger)
    {
        _server = server;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>
    /// Succeeds when the server publishes a pinned key; otherwise <see cref="LicensingFailure.ServerKeyNotTrusted"/> (or the failure
    /// of reading the JWKS: <see cref="LicensingFailure.ServerUnreachable"/>, <see cref="LicensingFailure.InvalidResponse"/>).
    /// </summary>
    public async Task<LicensingResult> EnsureAsync(CancellationToken cancellationToken)
    {
        if (_matched)
        {
            return LicensingResult.Success;
        }

        var published = await _server.GetPublishedKeysAsync(cancellationToken).ConfigureAwait(false);
        if (!published.Succeeded)
        {
            return new(published.Error);
        }

        if (published.Value.Any(key => _options.TrustedKeys.TryGetValue(key.KeyId, out var x) && string.Equals(x, key.X, StringComparison.Ordinal)))
        {
            _matched = true;
            return LicensingResult.Success;
        }

        var served = published.Value.Count == 0 ? "(none)" : string.Join(", ", published.Value.Select(k => k.KeyId));
        var pinned = string.Join(", ", _options.TrustedKeys.Keys);
        Log.KeysDoNotMatch(_logger, _options.ServerUrl, served, pinned);
        return new(LicensingError.Of(LicensingFailure.ServerKeyNotTrusted, LicenseStatusMessages.KeysDoNotMatch(_options.ServerUrl, served, pinned)));
    }

    private static partial class Log
    {
        [LoggerMessage(27, LogLevel.Warning, "The keys do not match: the license server {ServerUrl} publishes {Served}, this app pins {Pinned}.", EventName = "KeysDoNotMatch")]
        public static partial void KeysDoNotMatch(ILogger logger, Uri? serverUrl, string served, string pinned);
    }
}
