using System.Diagnostics.CodeAnalysis;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Http;

namespace Faktum.Licensing.Server.Companies;

/// <summary>The outcome of <see cref="CompanyCorrectionService.CorrectAsync"/>.</summary>
internal sealed record CompanyCorrectionOutcome
{
    private CompanyCorrectionOutcome(CompanyCorrectionStatus status, LicenseResponse? license, FieldErrors? errors)
    {
        Status = status;
        License = license;
        Errors = errors ?? new FieldErrors();
    }

    public CompanyCorrectionStatus Status { get; }

    /// <summary>Gets the refreshed license and company profile when <see cref="Succeeded"/>.</summary>
    public LicenseResponse? License { get; }

    /// <summary>Gets the field errors of <see cref="CompanyCorrectionStatus.Invalid"/>.</summary>
    public FieldErrors Errors { get; }

    [MemberNotNullWhen(true, nameof(License))]
    public bool Succeeded => Status == CompanyCorrectionStatus.Corrected;

    public static CompanyCorrectionOutcome Corrected(LicenseResponse license) => new(CompanyCorrectionStatus.Corrected, license, null);

    public static CompanyCorrectionOutcome Invalid(FieldErrors errors) => new(CompanyCorrectionStatus.Invalid, null, errors);

    public static CompanyCorrectionOutcome Refused(CompanyCorrectionStatus status) => new(status, null, null);
}
