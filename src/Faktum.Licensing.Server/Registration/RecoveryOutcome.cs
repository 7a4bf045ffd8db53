using Faktum.Licensing.Server.Http;

namespace Faktum.Licensing.Server.Registration;

/// <summary>The outcome of <see cref="RecoveryService.RecoverAsync"/>.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Errors">The field errors of <see cref="RecoveryStatus.Invalid"/>, keyed by JSON path; empty otherwise.</param>
internal sealed record RecoveryOutcome(RecoveryStatus Status, FieldErrors Errors)
{
    public static RecoveryOutcome Of(RecoveryStatus status) => new(status, new FieldErrors());
}
