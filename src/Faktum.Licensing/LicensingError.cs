namespace Faktum.Licensing;

/// <summary>A failure as the internals pass it around.</summary>
internal sealed record LicensingError(
    LicensingFailure Failure,
    string? Message,
    IReadOnlyDictionary<string, IReadOnlyList<string>> FieldErrors,
    string? ProblemType = null,
    TimeSpan? RetryAfter = null,
    IReadOnlyList<LicensedInstallation>? Installations = null,
    DateTimeOffset? NextMoveAt = null)
{
    /// <summary>Gets the refused fields with the server's stable code for each (its <c>codes</c> extension); empty without codes.</summary>
    public IReadOnlyList<RegistrationFieldError> RefusedFields { get; init; } = [];

    /// <summary>Gets the license a <c>seats-full</c> or <c>move-budget-exhausted</c> answer named.</summary>
    public string? LicenseId { get; init; }

    /// <summary>Gets the company name a <c>seats-full</c> answer named.</summary>
    public string? CompanyName { get; init; }

    /// <summary>Gets the account's companies of a <c>company-choice-required</c> answer.</summary>
    public IReadOnlyList<AccountCompany>? Companies { get; init; }

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> EmptyFieldErrors { get; } = new Dictionary<string, IReadOnlyList<string>>();

    public static LicensingError None { get; } = new(LicensingFailure.None, null, EmptyFieldErrors);

    public static LicensingError Of(LicensingFailure failure, string message, string? problemType = null, TimeSpan? retryAfter = null) =>
        new(failure, message, EmptyFieldErrors, problemType, retryAfter);
}
