namespace Faktum.Licensing.Protocol;

/// <summary>The claims of the signed startup response (typ <c>faktum-startup+jwt</c>), signed like license tokens.</summary>
internal static class StartupResponseClaimNames
{
    public const string TokenType = "faktum-startup+jwt";

    // iss, aud (product), iat, exp (short: the response goes stale after a few minutes) as in license tokens.
    public const string Nonce = "nonce";              // the request's nonce, echoed
    public const string ServerTime = "server_time";   // NumericDate, the server's clock
    public const string Verdict = "verdict";          // a LicenseVerdict by its wire name (LicenseVerdictNames)
    public const string TrialDaysLeft = "trial_days_left"; // integer, only with verdict "trial"
    public const string License = "license";          // refreshed license token, only while the license is good
    public const string Company = "company";          // CompanyProfileDto as an object, when the license is known
    public const string Updates = "updates";          // the update decision; null until [updates] lands

    // S9: the answer to a request with "licenses" carries, besides the members above (which then describe the first license of the
    // request), "licenses": an array in the order of the request, one object per license token, each with the members verdict,
    // trial_days_left, license and company as above. The update decision ("updates") is made once for the installation.
    public const string Licenses = "licenses";
}
