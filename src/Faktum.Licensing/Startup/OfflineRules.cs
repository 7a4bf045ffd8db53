using Faktum.Licensing.Internal;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Storage;
using Faktum.Licensing.Tokens;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Startup;

/// <summary>
/// The offline rules, pure (no I/O, no clock of its own): clock rollback, the cached token, a lapse the last check reported,
/// the license end, and the grace since the last online check. Given the stored state, the cached token's validation (with its
/// lifetime) and now, they give the status.
/// </summary>
internal sealed class OfflineRules
{
    private readonly TimeSpan _clockTolerance;
    private readonly TimeSpan _offlineGrace;

    public OfflineRules(IOptions<FaktumLicensingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clockTolerance = options.Value.ClockTolerance;
        _offlineGrace = options.Value.OfflineGrace;
    }

    /// <param name="state">The stored state.</param>
    /// <param name="validation">The cached token's validation, lifetime included, on the host's clock.</param>
    /// <param name="now">The host's time.</param>
    /// <param name="why">Why the server gave no answer, put before the message; or <see langword="null"/>.</param>
    public LicenseStatus Evaluate(LocalLicenseState state, LicenseTokenValidationResult validation, DateTimeOffset now, string? why)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(validation);
        var prefix = why is null ? string.Empty : why + " ";
        if (state.HighestServerTime is { } highest && now < highest - _clockTolerance)
        {
            return LicenseStatusMapping.Of(LicenseState.ClockRolledBack, now, prefix + LicenseStatusMessages.ClockBehindReportedTime(now, highest)) with { Company = state.Company };
        }

        if (!validation.Succeeded)
        {
            return validation.Failure == LicenseTokenFailure.Expired
                ? LicenseStatusMapping.Of(LicenseState.OfflineGraceExpired, now, prefix + LicenseStatusMessages.CachedTokenExpired) with { Company = state.Company }
                : LicenseStatusMapping.Of(LicenseState.Invalid, now, prefix + LicenseStatusMessages.CachedTokenRefusedOffline(validation.Failure, validation.Message), validation.Failure) with { Company = state.Company };
        }

        var claims = validation.Claims;
        if (state.LastVerdict is { } lastVerdict && LicenseRules.IsLapsed(lastVerdict))
        {
            // A lapsed license stays lapsed while the server cannot be reached: blocking the server must not revive it.
            var lapsed = LicenseStatusMapping.FromVerdict(lastVerdict, null, claims, state.Company, now);
            return lapsed with { Message = prefix + LicenseStatusMessages.AsOfLastCheck(lapsed.Message!, state.LastOnlineCheck) };
        }

        if (LicenseRules.HasEnded(claims.LicenseEndsAt, now))
        {
            return LicenseStatusMapping.FromClaims(claims, state.Company, now, null, online: false);
        }

        var since = state.LastOnlineCheck ?? claims.IssuedAt;
        var graceEnd = since + _offlineGrace;
        if (now >= graceEnd)
        {
            return LicenseStatusMapping.Of(LicenseState.OfflineGraceExpired, now, prefix + LicenseStatusMessages.GraceEnded(since)) with
            {
                Company = state.Company,
                Claims = claims,
            };
        }

        return LicenseStatusMapping.Of(LicenseState.OfflineGrace, now, prefix + LicenseStatusMessages.WorkingOffline(graceEnd)) with
        {
            DaysLeft = (int)Math.Ceiling((graceEnd - now).TotalDays),
            Company = state.Company,
            Claims = claims,
        };
    }
}
