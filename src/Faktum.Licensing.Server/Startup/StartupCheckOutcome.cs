using Faktum.Licensing.Server.Http;

namespace Faktum.Licensing.Server.Startup;

/// <summary>
/// The outcome of <see cref="StartupCheckService.CheckAsync"/>: the signed response (every verdict, <c>unknown</c> included,
/// is an answer), or the field errors of a request that could not be checked.
/// </summary>
/// <param name="SignedResponse">The compact JWS to send, or <see langword="null"/> when the request was invalid.</param>
/// <param name="Errors">The field errors, keyed by JSON path; empty when answered.</param>
internal sealed record StartupCheckOutcome(string? SignedResponse, FieldErrors Errors)
{
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(SignedResponse))]
    public bool Answered => SignedResponse is not null;

    public static StartupCheckOutcome Answer(string signedResponse) => new(signedResponse, new FieldErrors());

    public static StartupCheckOutcome Invalid(FieldErrors errors) => new(null, errors);
}
