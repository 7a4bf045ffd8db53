using System.Diagnostics.CodeAnalysis;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Http;

namespace Faktum.Licensing.Server.Registration;

/// <summary>The outcome of <see cref="ConfirmationService.ConfirmAsync"/>.</summary>
internal sealed record ConfirmationOutcome
{
    private ConfirmationOutcome(ConfirmationStatus status, LicenseResponse? license, FieldErrors? errors)
    {
        Status = status;
        License = license;
        Errors = errors ?? new FieldErrors();
    }

    public ConfirmationStatus Status { get; }

    /// <summary>Gets the issued license and the company profile when <see cref="Succeeded"/>.</summary>
    public LicenseResponse? License { get; }

    /// <summary>Gets the field errors of <see cref="ConfirmationStatus.Invalid"/>, keyed by JSON path.</summary>
    public FieldErrors Errors { get; }

    /// <summary>Gets the license's seats, for <see cref="ConfirmationStatus.SeatsFull"/>.</summary>
    public int Seats { get; private init; }

    /// <summary>Gets the installations holding the seats, for <see cref="ConfirmationStatus.SeatsFull"/>.</summary>
    public IReadOnlyList<InstallationDto> Installations { get; private init; } = [];

    /// <summary>Gets when the next move is possible, for <see cref="ConfirmationStatus.MoveBudgetExhausted"/>.</summary>
    public DateTimeOffset? NextMoveAt { get; private init; }

    /// <summary>Gets the license whose seats are full or whose move was refused (S9), for <see cref="ConfirmationStatus.SeatsFull"/> and <see cref="ConfirmationStatus.MoveBudgetExhausted"/>.</summary>
    public string? LicenseId { get; private init; }

    /// <summary>Gets the name of the company of <see cref="LicenseId"/>, for <see cref="ConfirmationStatus.SeatsFull"/>.</summary>
    public string? CompanyName { get; private init; }

    /// <summary>Gets the account's companies to choose from, for <see cref="ConfirmationStatus.CompanyChoiceRequired"/>.</summary>
    public IReadOnlyList<AccountCompanyDto> Companies { get; private init; } = [];

    [MemberNotNullWhen(true, nameof(License))]
    public bool Succeeded => Status == ConfirmationStatus.Confirmed;

    public static ConfirmationOutcome Confirmed(LicenseResponse license) => new(ConfirmationStatus.Confirmed, license, null);

    public static ConfirmationOutcome Invalid(FieldErrors errors) => new(ConfirmationStatus.Invalid, null, errors);

    public static ConfirmationOutcome Refused(ConfirmationStatus status) => new(status, null, null);

    public static ConfirmationOutcome SeatsFull(int seats, IReadOnlyList<InstallationDto> installations, string licenseId, string companyName) =>
        new(ConfirmationStatus.SeatsFull, null, null) { Seats = seats, Installations = installations, LicenseId = licenseId, CompanyName = companyName };

    public static ConfirmationOutcome MoveBudgetExhausted(DateTimeOffset? nextMoveAt, string licenseId) =>
        new(ConfirmationStatus.MoveBudgetExhausted, null, null) { NextMoveAt = nextMoveAt, LicenseId = licenseId };

    public static ConfirmationOutcome CompanyChoiceRequired(IReadOnlyList<AccountCompanyDto> companies) =>
        new(ConfirmationStatus.CompanyChoiceRequired, null, null) { Companies = companies };
}
