using System.Diagnostics.CodeAnalysis;
using Faktum.Licensing.Protocol;

namespace Faktum.Licensing.Server.Companies;

/// <summary>The outcome of <see cref="CompanyCorrectionService.CorrectAsync"/>.</summary>
internal sealed record CompanyCorrectionOutcome
{
    private CompanyCorrectionOutcome(CompanyCorrectionStatus status, LicenseResponse? license, IReadOnlyDictionary<string, string[]>? errors)
    {
        Status = status;
        License = license;
        Errors = errors ?? new Dictionary<string, string[]>(StringComparer.Ordinal);
    }

    public CompanyCorrectionStatus Status { get; }

    /// <summary>Gets the refreshed license and company profile when <see cref="Succeeded"/>.</summary>
    public LicenseResponse? License { get; }

    /// <summary>Gets the field errors of <see cref="CompanyCorrectionStatus.Invalid"/>.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    [MemberNotNullWhen(true, nameof(License))]
    public bool Succeeded => Status == CompanyCorrectionStatus.Corrected;

    public static CompanyCorrectionOutcome Corrected(LicenseResponse license) => new(CompanyCorrectionStatus.Corrected, license, null);

    public static CompanyCorrectionOutcome Invalid(IReadOnlyDictionary<string, string[]> errors) => new(CompanyCorrectionStatus.Invalid, null, errors);

    public static CompanyCorrectionOutcome Refused(CompanyCorrectionStatus status) => new(status, null, null);
}
