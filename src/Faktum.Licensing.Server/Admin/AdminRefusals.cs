namespace Faktum.Licensing.Server.Admin;

/// <summary>
/// The stable codes of a refused admin action (<see cref="AdminOutcome{T}.Code"/>): the admin API answers 409 with problem
/// type <see cref="Http.ServerProblemTypes.AdminActionRefused"/> and the code in its <c>code</c> member; the CLI prints
/// it and exits 1. Listed in docs/server.md.
/// </summary>
internal static class AdminRefusals
{
    public const string LicenseRevoked = "license-revoked";
    public const string LicenseAlreadySuspended = "license-already-suspended";
    public const string LicenseNotSuspended = "license-not-suspended";
    public const string LicenseAlreadyRevoked = "license-already-revoked";
    public const string PastLatestEnd = "past-latest-end";
    public const string InstallationAlreadyReleased = "installation-already-released";
    public const string AccountAlreadyConfirmed = "account-already-confirmed";
    public const string NoPendingRegistration = "no-pending-registration";
    public const string MailNotFailed = "mail-not-failed";
    public const string MailNotRetryable = "mail-not-retryable";
    public const string ReleaseAlreadyPaused = "release-already-paused";
    public const string ReleaseAlreadyWithdrawn = "release-already-withdrawn";
    public const string NotAWithdrawal = "not-a-withdrawal";
    public const string ReleaseSequenceStale = "release-sequence-stale";
    public const string ReleaseRefused = "release-refused";
    public const string TargetHoldsCompany = "target-holds-company";
}
