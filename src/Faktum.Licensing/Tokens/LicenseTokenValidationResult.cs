using System.Diagnostics.CodeAnalysis;

namespace Faktum.Licensing.Tokens;

/// <summary>
/// The outcome of validating a license token. Every way a token can be wrong is a result with a
/// <see cref="Failure"/> reason, never an exception; use <see cref="EnsureSuccess"/> where a bad token is a bug.
/// </summary>
public sealed class LicenseTokenValidationResult
{
    private LicenseTokenValidationResult(LicenseClaims? claims, LicenseTokenFailure failure, string? message)
    {
        Claims = claims;
        Failure = failure;
        Message = message;
    }

    /// <summary>Gets a value indicating whether the token was accepted.</summary>
    [MemberNotNullWhen(true, nameof(Claims))]
    [MemberNotNullWhen(false, nameof(Message))]
    public bool Succeeded => Failure == LicenseTokenFailure.None;

    /// <summary>Gets the token's claims when it was accepted.</summary>
    public LicenseClaims? Claims { get; }

    /// <summary>Gets why the token was refused, or <see cref="LicenseTokenFailure.None"/>.</summary>
    public LicenseTokenFailure Failure { get; }

    /// <summary>Gets a short English explanation of the failure, safe to log (it never contains the token).</summary>
    public string? Message { get; }

    /// <summary>Returns the claims of an accepted token.</summary>
    /// <returns>The claims.</returns>
    /// <exception cref="InvalidOperationException">The token was refused.</exception>
    public LicenseClaims EnsureSuccess() =>
        Succeeded ? Claims : throw new InvalidOperationException($"The license token was refused ({Failure}): {Message}");

    internal static LicenseTokenValidationResult Success(LicenseClaims claims) => new(claims, LicenseTokenFailure.None, null);

    internal static LicenseTokenValidationResult Fail(LicenseTokenFailure failure, string message) => new(null, failure, message);
}
