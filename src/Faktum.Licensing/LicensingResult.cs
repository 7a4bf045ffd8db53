using System.Diagnostics.CodeAnalysis;

namespace Faktum.Licensing;

/// <summary>Why a call to the license server did not succeed. Each is an expected outcome, never an exception.</summary>
public enum LicensingFailure
{
    /// <summary>The call succeeded.</summary>
    None = 0,

    /// <summary>The server refused the input; <see cref="LicensingResult.FieldErrors"/> names the fields (for example <c>company.name</c>, <c>email</c>).</summary>
    InvalidInput,

    /// <summary>This company already holds a license (S3): offer "existing company" (recovery) instead.</summary>
    CompanyAlreadyRegistered,

    /// <summary>The one-time password is wrong, expired or already used.</summary>
    OneTimePasswordInvalid,

    /// <summary>Too many wrong one-time passwords: the pending one is void; request a new one.</summary>
    TooManyAttempts,

    /// <summary>The company name cannot be changed (I2).</summary>
    CompanyNameImmutable,

    /// <summary>This installation holds no license yet: register or recover first.</summary>
    NotRegistered,

    /// <summary>The server refused this installation's license token.</summary>
    LicenseRejected,

    /// <summary>The server asks to slow down; see <see cref="LicensingResult.RetryAfter"/>.</summary>
    RateLimited,

    /// <summary>The server could not be reached, timed out, or failed on its side (5xx).</summary>
    ServerUnreachable,

    /// <summary>The server's answer was garbled, too large, unsigned or signed by a key that is not pinned.</summary>
    InvalidResponse,

    /// <summary>The server refused the request for another reason; <see cref="LicensingResult.ProblemType"/> says which.</summary>
    RequestRejected,

    /// <summary>The local license state could not be read or written (see <see cref="FaktumLicensingOptions.DataDirectory"/>).</summary>
    LocalStateUnavailable,
}

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

    /// <summary>Gets the RFC 9457 problem type the server answered with, if any.</summary>
    public string? ProblemType => _error.ProblemType;

    /// <summary>Gets how long to wait before trying again, when the server said so.</summary>
    public TimeSpan? RetryAfter => _error.RetryAfter;

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

/// <summary>
/// The outcome of a call that yields a <typeparamref name="TValue"/>. Expected failures (see <see cref="LicensingFailure"/>)
/// are results; only misuse, such as a <see langword="null"/> argument, throws.
/// </summary>
/// <typeparam name="TValue">The value of a successful call.</typeparam>
public sealed class LicensingResult<TValue>
    where TValue : class
{
    private readonly LicensingError _error;

    internal LicensingResult(TValue value)
    {
        Value = value;
        _error = LicensingError.None;
    }

    internal LicensingResult(LicensingError error) => _error = error;

    /// <summary>Gets a value indicating whether the call succeeded.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Message))]
    public bool Succeeded => _error.Failure == LicensingFailure.None;

    /// <summary>Gets the value of a successful call.</summary>
    public TValue? Value { get; }

    /// <summary>Gets why the call failed, or <see cref="LicensingFailure.None"/>.</summary>
    public LicensingFailure Failure => _error.Failure;

    /// <summary>Gets a short English explanation of the failure, safe to show and log.</summary>
    public string? Message => _error.Message;

    /// <summary>Gets the server's errors per field for <see cref="LicensingFailure.InvalidInput"/>; empty otherwise.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> FieldErrors => _error.FieldErrors;

    /// <summary>Gets the RFC 9457 problem type the server answered with, if any.</summary>
    public string? ProblemType => _error.ProblemType;

    /// <summary>Gets how long to wait before trying again, when the server said so.</summary>
    public TimeSpan? RetryAfter => _error.RetryAfter;

    /// <summary>Returns the value, or throws when the call failed; for callers that treat a failure as a bug.</summary>
    /// <returns>The value.</returns>
    /// <exception cref="InvalidOperationException">The call failed.</exception>
    public TValue EnsureSuccess() =>
        Succeeded ? Value : throw new InvalidOperationException($"The license server call failed ({Failure}): {Message}");
}

/// <summary>A failure as the internals pass it around.</summary>
internal sealed record LicensingError(
    LicensingFailure Failure,
    string? Message,
    IReadOnlyDictionary<string, IReadOnlyList<string>> FieldErrors,
    string? ProblemType = null,
    TimeSpan? RetryAfter = null)
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> EmptyFieldErrors { get; } = new Dictionary<string, IReadOnlyList<string>>();

    public static LicensingError None { get; } = new(LicensingFailure.None, null, EmptyFieldErrors);

    public static LicensingError Of(LicensingFailure failure, string message, string? problemType = null, TimeSpan? retryAfter = null) =>
        new(failure, message, EmptyFieldErrors, problemType, retryAfter);
}
