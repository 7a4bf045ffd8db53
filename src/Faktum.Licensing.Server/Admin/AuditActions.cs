namespace Faktum.Licensing.Server.Admin;

/// <summary>The stable action names of <see cref="Storage.AuditRecord.Action"/> (kebab-case; listed in docs/server.md).</summary>
internal static class AuditActions
{
    public const string LicenseMarkedPaid = "license-marked-paid";
    public const string LicenseExtended = "license-extended";
    public const string LicenseSuspended = "license-suspended";
    public const string LicenseReinstated = "license-reinstated";
    public const string LicenseRevoked = "license-revoked";
    public const string InstallationReleased = "installation-released";
    public const string ConfirmationMailResent = "confirmation-mail-resent";
    public const string MailRetried = "mail-retried";
    public const string ReleasePublished = "release-published";
    public const string ReleaseRolloutChanged = "release-rollout-changed";
    public const string ReleasePaused = "release-paused";
    public const string ReleaseWithdrawn = "release-withdrawn";
    public const string IdentityReleased = "identity-released";
    public const string IdentityHandedOver = "identity-handed-over";
    public const string LicenseSeatsSet = "license-seats-set";
    public const string LicenseMoveGranted = "license-move-granted";
    public const string LicenseEntitlementsSet = "license-entitlements-set";
    public const string LicenseCopiesCleared = "license-copies-cleared";
    public const string CompanyErased = "company-erased";
}
