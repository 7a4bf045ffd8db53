using Faktum.Licensing.Internal;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Tokens;

namespace Faktum.Licensing.Startup;

/// <summary>Pure mappings to a <see cref="LicenseStatus"/>: a server's <see cref="LicenseVerdict"/>, or a token's own claims.</summary>
internal static class LicenseStatusMapping
{
    public static LicenseStatus Of(LicenseState state, DateTimeOffset now, string? message = null, LicenseTokenFailure reason = LicenseTokenFailure.None) =>
        new() { State = state, Message = message, InvalidReason = reason, CheckedAt = now };

    /// <summary>The status a verdict stands for (online, or offline for a lapse the last check reported).</summary>
    public static LicenseStatus FromVerdict(LicenseVerdict verdict, int? trialDaysLeft, LicenseClaims? claims, CompanyProfile? company, DateTimeOffset now)
    {
        var status = Of(LicenseState.Invalid, now) with { Company = company, Claims = claims };
        return verdict switch
        {
            LicenseVerdict.Licensed => status with { State = LicenseState.Licensed },
            LicenseVerdict.Trial => status with { State = LicenseState.Trial, DaysLeft = trialDaysLeft ?? LicenseRules.DaysLeft(claims?.LicenseEndsAt, now) },
            LicenseVerdict.TrialExpired => status with { State = LicenseState.TrialExpired, Message = LicenseStatusMessages.TrialEnded },
            LicenseVerdict.Expired => status with { State = LicenseState.Expired, Message = LicenseStatusMessages.LicenseEnded },
            LicenseVerdict.Suspended => status with { State = LicenseState.Suspended, Message = LicenseStatusMessages.Suspended },
            LicenseVerdict.Revoked => status with { State = LicenseState.Revoked, Message = LicenseStatusMessages.Revoked },
            LicenseVerdict.Moved => status with { State = LicenseState.MovedToAnotherInstallation, Message = LicenseStatusMessages.Moved },
            LicenseVerdict.Duplicated => status with { State = LicenseState.Duplicated, Message = LicenseStatusMessages.Duplicated },
            _ => status with { State = LicenseState.NotRegistered, Message = LicenseStatusMessages.UnknownToServer },
        };
    }

    /// <summary>The status a token's own claims give: trial or paid, running or ended.</summary>
    public static LicenseStatus FromClaims(LicenseClaims claims, CompanyProfile? company, DateTimeOffset now, int? daysLeft, bool online)
    {
        var ended = LicenseRules.HasEnded(claims.LicenseEndsAt, now);
        var state = (claims.Kind, ended) switch
        {
            (LicenseKind.Trial, false) => LicenseState.Trial,
            (LicenseKind.Trial, true) => LicenseState.TrialExpired,
            (_, false) => LicenseState.Licensed,
            _ => LicenseState.Expired,
        };
        return new LicenseStatus
        {
            State = state,
            DaysLeft = state == LicenseState.Trial ? daysLeft ?? LicenseRules.DaysLeft(claims.LicenseEndsAt, now) : null,
            Company = company,
            Claims = claims,
            CheckedAt = now,
            IsConfirmedOnline = online,
            Message = ended ? LicenseStatusMessages.EndedOffline : null,
        };
    }
}
