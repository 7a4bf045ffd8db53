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

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> EmptyFieldErrors { get; } = new Dictionary<string, IReadOnlyList<string>>();

    public static LicensingError None { get; } = new(LicensingFailure.None, null, EmptyFieldErrors);

    public static LicensingError Of(LicensingFailure failure, string message, string? problemType = null, TimeSpan? retryAfter = null) =>
        new(failure, message, EmptyFieldErrors, problemType, retryAfter);
}
