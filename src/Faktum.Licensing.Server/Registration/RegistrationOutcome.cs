using System.Diagnostics.CodeAnalysis;
using Faktum.Licensing.Server.Http;

namespace Faktum.Licensing.Server.Registration;

/// <summary>The outcome of <see cref="RegistrationService.RegisterAsync"/>: every expected refusal is a status, never an exception.</summary>
internal sealed record RegistrationOutcome
{
    private RegistrationOutcome(RegistrationStatus status, StoredAnswer? answer, FieldErrors? errors)
    {
        Status = status;
        Answer = answer;
        Errors = errors ?? new FieldErrors();
    }

    public RegistrationStatus Status { get; }

    /// <summary>Gets the answer to send (<see cref="RegistrationStatus.Accepted"/>, <see cref="RegistrationStatus.Replayed"/>).</summary>
    public StoredAnswer? Answer { get; }

    /// <summary>Gets the field errors (<see cref="RegistrationStatus.Invalid"/>), keyed by JSON path.</summary>
    public FieldErrors Errors { get; }

    [MemberNotNullWhen(true, nameof(Answer))]
    public bool HasAnswer => Answer is not null;

    public static RegistrationOutcome Accepted(string body) => new(RegistrationStatus.Accepted, new StoredAnswer(202, body), null);

    public static RegistrationOutcome Replayed(StoredAnswer answer) => new(RegistrationStatus.Replayed, answer, null);

    public static RegistrationOutcome Invalid(FieldErrors errors) => new(RegistrationStatus.Invalid, null, errors);

    public static RegistrationOutcome Refused(RegistrationStatus status) => new(status, null, null);
}
