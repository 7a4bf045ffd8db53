using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Updates;

namespace Faktum.Licensing.Server.Startup;

/// <summary>What a signed start-up response says; <see cref="StartupResponseWriter"/> turns it into claims and signs it.</summary>
/// <param name="Product">The product (<c>aud</c>).</param>
/// <param name="Nonce">The app's nonce, echoed.</param>
/// <param name="Verdict">The verdict, with the trial's days left.</param>
/// <param name="License">A refreshed license token (licensed and trial verdicts only).</param>
/// <param name="Company">The company profile (known licenses only).</param>
/// <param name="Updates">The update decision, when the license is known and the installed version and channel could be read.</param>
/// <param name="Licenses">
/// The answer per license of a request with several (S9), in the order of the request; the members above then describe its
/// first. <see langword="null"/> for a request with one license, whose answer has no <c>licenses</c> claim.
/// </param>
internal sealed record StartupResponse(
    string Product,
    string Nonce,
    StartupVerdict Verdict,
    string? License = null,
    CompanyProfileDto? Company = null,
    ReleaseDecision? Updates = null,
    IReadOnlyList<StartupLicenseAnswer>? Licenses = null)
{
    /// <summary>The answer about a token that does not verify, or a license this server does not know.</summary>
    public static StartupResponse Unknown(string product, string nonce) => new(product, nonce, StartupVerdict.Unknown);
}
