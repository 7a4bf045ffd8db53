using Faktum.Licensing.Protocol;

namespace Faktum.Licensing.Startup;

/// <summary>
/// The verdict on one license of a verified start-up response (S9: a response to several licenses carries one per license, in the
/// order of the request): the verdict, the trial's days left, the refreshed token (still to be verified against this installation)
/// and the company.
/// </summary>
internal sealed record StartupLicenseAnswer(LicenseVerdict Verdict, int? TrialDaysLeft, string? License, CompanyProfile? Company);
