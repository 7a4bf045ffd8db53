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

    /// <summary>Verifies and stores one license (a company correction renews the current company's).</summary>
    public async Task<LicensingResult<AcceptedLicense>> AcceptAsync(IssuedLicense issued, string installationId, CancellationToken cancellationToken)
    {
        var accepted = await AcceptAllAsync([issued], installationId, cancellationToken).ConfigureAwait(false);
        return accepted.Succeeded ? new(accepted.Value[0]) : new(accepted.Error);
    }

    /// <summary>
    /// Verifies every license a confirmation issued and stores them in one write (S9): each is added to the installation's licenses,
    /// or renews the one with its license id; the others stay. The first becomes the current company. One refused token stores none.
    /// </summary>
    public async Task<LicensingResult<IReadOnlyList<AcceptedLicense>>> AcceptAllAsync(IReadOnlyList<IssuedLicense> issued, string installationId, CancellationToken cancellationToken)
    {
        var accepted = new List<(IssuedLicense Issued, LicenseClaims Claims)>(issued.Count);
        foreach (var license in issued)
        {
            // Signature, header, issuer, audience and installation, but not the lifetime on this computer's clock: the token was just issued
            // for this request, and the server has already bound the license to this installation. A local clock behind the server's
            // would otherwise lose the license it was just given (the caller reports ClockRolledBack); the offline rules judge exp later.
            var result = await _verifiers.Signature.ValidateAsync(license.License, new LicenseBinding(InstallationId: installationId)).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                Log.LicenseRefused(_logger, result.Failure);
                return new(LicensingError.Of(LicensingFailure.InvalidResponse, $"The license server sent a license token that was refused ({result.Failure}): {result.Message}"));
            }

            accepted.Add((license, result.Claims));
        }

        var now = _timeProvider.GetUtcNow();
        var issuedAt = accepted.Max(a => a.Claims.IssuedAt);
        var stored = await _installation.UpdateLicensesAsync(
            current =>
            {
                var licenses = current.Licenses.ToList();
                foreach (var (license, claims) in accepted)
                {
                    var at = licenses.FindIndex(l => string.Equals(l.LicenseId, claims.LicenseId, StringComparison.Ordinal));
                    var entry = new StoredLicense
                    {
                        LicenseId = claims.LicenseId,
                        TokenFile = at >= 0 ? licenses[at].TokenFile : TokenFiles.FirstFree(licenses.Select(l => l.TokenFile))
                            ?? throw new IOException($"This installation already holds {TokenFiles.MaxLicenses} licenses, the most it can; remove a company first."),
                        Token = license.License,
                        LastOnlineCheck = now,

                        // A license the server just issued (confirmation, correction) supersedes the verdict of an earlier check: a
                        // license recovered back to this computer must not stay "moved" (or revoked, …) while the server is unreachable.
                        LastVerdict = null,
                        Company = license.Company,
                    };
                    if (at >= 0)
                    {
                        licenses[at] = entry;
                    }
                    else
                    {
                        licenses.Add(entry);
                    }
                }

                var state = (current.State ?? new LocalLicenseState { InstallationId = installationId }) with
                {
                    InstallationId = installationId,
                    HighestServerTime = Later(current.State?.HighestServerTime, issuedAt),
                };
                return current with { State = state, Licenses = licenses, CurrentLicenseId = accepted[0].Claims.LicenseId };
            },
            cancellationToken).ConfigureAwait(false);
        return stored.Succeeded ? new([.. accepted.Select(a => new AcceptedLicense(a.Claims, a.Issued.Company))]) : new(stored.Error);
    }

    internal static DateTimeOffset Later(DateTimeOffset? a, DateTimeOffset b) => a is { } value && value > b ? value : b;

    private static partial class Log
    {
        [LoggerMessage(26, LogLevel.Warning, "The license server's answer was refused: the license token it sent was refused ({Failure}).", EventName = "IssuedLicenseRefused")]
        public static partial void LicenseRefused(ILogger logger, LicenseTokenFailure failure);
    }
}
