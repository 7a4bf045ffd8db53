using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Storage;

namespace Faktum.Licensing.Server.Startup;

/// <summary>The verdict of a start-up check, and the trial's days left when it is a trial.</summary>
/// <param name="Verdict">The verdict.</param>
/// <param name="TrialDaysLeft">Whole days left of a running trial (<see cref="LicenseRules.DaysLeft(DateTimeOffset, DateTimeOffset)"/>); otherwise <see langword="null"/>.</param>
internal readonly record struct StartupVerdict(LicenseVerdict Verdict, int? TrialDaysLeft)
{
    /// <summary>Gets the verdict on a license this server does not know.</summary>
    public static StartupVerdict Unknown => new(LicenseVerdict.Unknown, null);

    /// <summary>The verdict of a known license for one installation at <paramref name="now"/>, by the shared <see cref="LicenseRules"/>.</summary>
    /// <param name="license">The stored license.</param>
    /// <param name="binding">The installation's binding the verdict is about (see <see cref="StartupCheckService.Preferred"/>), if any.</param>
    /// <param name="now">The server's time.</param>
    public static StartupVerdict Of(License license, Installation? binding, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(license);
        if (license.Status == LicenseRecordStatus.Revoked)
        {
            return new(LicenseVerdict.Revoked, null);
        }

        if (license.Status == LicenseRecordStatus.Suspended)
        {
            return new(LicenseVerdict.Suspended, null);
        }

        if (license.Status != LicenseRecordStatus.Active || binding is null)
        {
            return Unknown;
        }

        if (binding.ReleasedAt is not null)
        {
            return new(LicenseVerdict.Moved, null);
        }

        if (license.Kind == StoredLicenseKind.Paid)
        {
            return new(LicenseRules.HasEnded(license.LicenseEndsAt, now) ? LicenseVerdict.Expired : LicenseVerdict.Licensed, null);
        }

        if (license.TrialEndsAt is not { } trialEnd || LicenseRules.HasEnded(trialEnd, now))
        {
            return new(LicenseVerdict.TrialExpired, null);
        }

        return new(LicenseVerdict.Trial, LicenseRules.DaysLeft(trialEnd, now));
    }
}
