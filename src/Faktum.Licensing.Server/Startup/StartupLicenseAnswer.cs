using Faktum.Licensing.Protocol;

namespace Faktum.Licensing.Server.Startup;

/// <summary>
/// What the signed start-up response says about one license of a request with several (S9): one object of its
/// <c>licenses</c> claim, in the order of the request.
/// </summary>
/// <param name="Verdict">The verdict, with the trial's days left.</param>
/// <param name="License">A refreshed license token (licensed and trial verdicts only).</param>
/// <param name="Company">The company profile (known licenses only).</param>
internal sealed record StartupLicenseAnswer(StartupVerdict Verdict, string? License, CompanyProfileDto? Company);
