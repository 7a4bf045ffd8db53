namespace Faktum.Licensing.Server.Http;

/// <summary>The names of the per-client-address rate-limit policies beyond the account endpoints' own.</summary>
internal static class RateLimitPolicies
{
    /// <summary>POST /v1/startup: <c>RateLimits:StartupPermitsPerAddress</c> per <c>RateLimits:AddressWindow</c>.</summary>
    public const string Startup = "startup";

    /// <summary>PATCH /v1/company: <c>RateLimits:CompanyCorrectionPermitsPerAddress</c> per <c>RateLimits:AddressWindow</c>.</summary>
    public const string CompanyCorrection = "company-correction";

    /// <summary>/v1/installations: <c>RateLimits:InstallationPermitsPerAddress</c> per <c>RateLimits:AddressWindow</c>.</summary>
    public const string Installations = "installations";
}
