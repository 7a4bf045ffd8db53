using System.Text.Json;
using Faktum.Licensing.Protocol;

namespace Faktum.Licensing.Startup;

/// <summary>A verified start-up response (a refusal is a failed <see cref="LicensingResult{TValue}"/> of <see cref="StartupResponseVerifier.Verify"/>).</summary>
internal sealed record StartupVerification(LicenseVerdict Verdict, int? TrialDaysLeft, string? License, CompanyProfile? Company, DateTimeOffset ServerTime)
{
    /// <summary>Gets the signed response's <c>updates</c> member, still to be verified under the release keys.</summary>
    public JsonElement? Updates { get; init; }

    /// <summary>Gets the answer per license, in the order of the request: the top-level members alone for a request with one license,
    /// the <c>licenses</c> array for a request with several (S9).</summary>
    public IReadOnlyList<StartupLicenseAnswer> Licenses { get; init; } = [];
}
