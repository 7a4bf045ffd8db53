using System.Diagnostics.CodeAnalysis;

namespace Faktum.Licensing;

/// <summary>
/// The outcome of a call without a value. Expected failures (see <see cref="LicensingFailure"/>) are results;
/// only misuse, such as a <see langword="null"/> argument, throws.
/// </summary>
public sealed class LicensingResult
{
    internal static readonly LicensingResult Success = new(LicensingError.None);

    private readonly LicensingError _error;

    internal LicensingResult(LicensingError error) => _error = error;

    /// <summary>Gets a value indicating whether the call succeeded.</summary>
    [MemberNotNullWhen(false, nameof(Message))]
    public bool Succeeded => _error.Failure == LicensingFailure.None;

    /// <summary>Gets why the call failed, or <see cref="LicensingFailure.None"/>.</summary>
    public LicensingFailure Failure => _error.Failure;

    /// <summary>Gets a short English explanation of the failure, safe to show and log.</summary>
    public string? Message => _error.Message;

    /// <summary>Gets the server's errors per field for <see cref="LicensingFailure.InvalidInput"/>; empty otherwise.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> FieldErrors => _error.FieldErrors;

    /// <summary>
    /// Gets each refused field of <see cref="LicensingFailure.InvalidInput"/> with the server's stable code for it (one of
    /// <see cref="RegistrationFieldCodes"/> for a registration's fields), the same codes <see cref="RegistrationValidator"/>
    /// gives before anything is sent: show the text of the code at that field and ask it again. Empty otherwise, and from a
    /// server too old to send codes (then <see cref="FieldErrors"/> still names the fields).
    /// </summary>
    public IReadOnlyList<RegistrationFieldError> RefusedFields => _error.RefusedFields;

    /// <summary>Gets the RFC 9457 problem type the server answered with, if any.</summary>
    public string? ProblemType => _error.ProblemType;

    /// <summary>Gets how long to wait before trying again, when the server said so.</summary>
    public TimeSpan? RetryAfter => _error.RetryAfter;

    /// <summary>Gets the installations holding the seats, for <see cref="LicensingFailure.SeatsFull"/>; empty otherwise.</summary>
    public IReadOnlyList<LicensedInstallation> Installations => _error.Installations ?? [];

    /// <summary>Gets when the next move is possible, for <see cref="LicensingFailure.MoveBudgetExhausted"/>.</summary>
    public DateTimeOffset? NextMoveAt => _error.NextMoveAt;

    /// <summary>Gets the license the failure is about, for <see cref="LicensingFailure.SeatsFull"/> and <see cref="LicensingFailure.MoveBudgetExhausted"/>
    /// (S9: a confirmation may bring several companies), when the server named it; otherwise <see langword="null"/>.</summary>
    public string? LicenseId => _error.LicenseId;

    /// <summary>Gets the name of the company of <see cref="LicenseId"/>, for <see cref="LicensingFailure.SeatsFull"/>, when the server named it.</summary>
    public string? CompanyName => _error.CompanyName;

    /// <summary>Gets the companies of the account, ordered by name, for <see cref="LicensingFailure.CompanyChoiceRequired"/>; empty otherwise.</summary>
    public IReadOnlyList<AccountCompany> Companies => _error.Companies ?? [];

    /// <summary>Gets the failure as the internals pass it on (<see cref="LicensingError.None"/> on success).</summary>
    internal LicensingError Error => _error;

    /// <summary>Throws when the call failed; for callers that treat a failure as a bug.</summary>
    /// <exception cref="InvalidOperationException">The call failed.</exception>
    public void EnsureSuccess()
    {
        if (!Succeeded)
        {
            throw new InvalidOperationException($"The license server call failed ({Failure}): {Message}");
        }
    }
}
