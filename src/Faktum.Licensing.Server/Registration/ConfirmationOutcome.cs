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

    [MemberNotNullWhen(true, nameof(License))]
    public bool Succeeded => Status == ConfirmationStatus.Confirmed;

    public static ConfirmationOutcome Confirmed(LicenseResponse license) => new(ConfirmationStatus.Confirmed, license, null);

    public static ConfirmationOutcome Invalid(FieldErrors errors) => new(ConfirmationStatus.Invalid, null, errors);

    public static ConfirmationOutcome Refused(ConfirmationStatus status) => new(status, null, null);

    public static ConfirmationOutcome SeatsFull(int seats, IReadOnlyList<InstallationDto> installations) =>
        new(ConfirmationStatus.SeatsFull, null, null) { Seats = seats, Installations = installations };

    public static ConfirmationOutcome MoveBudgetExhausted(DateTimeOffset? nextMoveAt) =>
        new(ConfirmationStatus.MoveBudgetExhausted, null, null) { NextMoveAt = nextMoveAt };
}
