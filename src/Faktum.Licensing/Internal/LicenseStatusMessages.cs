using Faktum.Licensing.Tokens;

namespace Faktum.Licensing.Internal;

/// <summary>The English <see cref="LicenseStatus.Message"/> texts, in one place.</summary>
internal static class LicenseStatusMessages
{
    public const string NotRegistered = "This installation holds no license: register the company, or recover the license of an existing company.";
    public const string RecoverDamaged = "Recover the license: request a one-time password for the company's e-mail address and confirm it.";
    public const string TokenRejectedByServer = "The license server refused this installation's license token. Recover the license to replace it.";
    public const string TrialEnded = "The trial has ended. Buy a license to keep adding records; everything stays readable.";
    public const string LicenseEnded = "The license has ended. Renew it to keep adding records; everything stays readable.";
    public const string Suspended = "The vendor has suspended the license. Everything stays readable.";
    public const string Revoked = "The vendor has revoked the license. Everything stays readable.";
    public const string Moved = "The license was moved to another computer. Recover it here to move it back.";
    public const string Duplicated = "This installation's data folder is in use on two computers (a copy, a restored backup or a cloned virtual machine). " +
        "Recover the license on the computer you use; everything stays readable.";
    public const string UnknownToServer = "The license server does not know this license. Register the company or recover its license.";
    public const string EndedOffline = "The license has ended; everything stays readable.";
    public const string UnpinnedWithoutNewLicense = "The license server confirmed a license this app cannot verify, but sent no new license.";
    public const string CompanyNotOnInstallation = "This installation holds no license of that company: choose one of the companies on this computer.";
    public const string NoLicenseHeld = "This installation holds no license: register the company or recover its license first.";

    public static string Damaged(string problem) => $"{problem} {RecoverDamaged}";

    public static string CachedTokenRefused(LicenseTokenFailure failure, string? message) =>
        $"The cached license token was refused ({failure}): {message} Recover the license to replace it.";

    public static string CachedTokenRefusedOffline(LicenseTokenFailure failure, string? message) =>
        $"The cached license token was refused ({failure}): {message}";

    public static string RefreshedTokenRefused(LicenseTokenFailure failure) => $"The refreshed license token was refused ({failure}).";

    public static string ClockBehindServer(DateTimeOffset now, DateTimeOffset serverTime) =>
        $"This computer's clock ({now:u}) is behind the license server's ({serverTime:u}). Set the correct date and time.";

    public static string ClockBehindIssuedLicense(DateTimeOffset now, DateTimeOffset issuedAt) =>
        $"The license is stored, but this computer's clock ({now:u}) is behind the license server's ({issuedAt:u}). Set the correct date and time.";

    public static string ClockBehindReportedTime(DateTimeOffset now, DateTimeOffset highest) =>
        $"This computer's clock ({now:u}) is earlier than a time the license server already reported ({highest:u}). Set the correct date and time.";

    public static string CachedTokenExpired => "The cached license has expired; connect to the internet so it can be renewed.";

    public static string AsOfLastCheck(string message, DateTimeOffset? lastOnlineCheck) => $"{message} (as of the last online check, {lastOnlineCheck:u})";

    public static string GraceEnded(DateTimeOffset since) =>
        $"The license server has not been reached since {since:u}; the offline grace period has ended. Connect to the internet.";

    public static string WorkingOffline(DateTimeOffset graceEnd) => $"Working offline on the cached license until {graceEnd:u}.";

    public static string KeysDoNotMatch(Uri? serverUrl, string served, string pinned) =>
        $"The keys do not match: the license server {serverUrl} publishes the key(s) {served}, and this app pins {pinned} " +
        "(FaktumLicensingOptions.TrustedKeys). The one-time password was not used: pin the server's key (kid and x from its " +
        "/.well-known/jwks.json, or 'keys export' on the server) and confirm again with the same password.";

    public static string UnknownProduct(string productId, Uri? serverUrl) =>
        $"The license server {serverUrl} does not license the product '{productId}': check FaktumLicensingOptions.ProductId against the server's FaktumServer:Products.";

    public static string NoLicenseIn(string productId, string directory) =>
        $"This installation holds no license for the product '{productId}' in '{directory}': register the company, or recover the license of an existing company.";

    public static string DataFolderUnusable(string directory, string reason) => $"The license data folder '{directory}' cannot be used: {reason}";
}
