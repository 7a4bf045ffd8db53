using System.Diagnostics.CodeAnalysis;

namespace Faktum.Licensing.Companies;

/// <summary>
/// The outcome of <see cref="CompanyIdentity.Create(string?, string?, string?)"/>: either the canonical
/// identity of a company or one <see cref="CompanyIdentityError"/> per invalid field.
/// </summary>
/// <remarks>
/// Invalid input is never an exception: it becomes a failed result with <see cref="Errors"/>.
/// Call <see cref="EnsureValid"/> where invalid input is a programming error.
/// </remarks>
internal sealed class CompanyIdentityResult
{
    private CompanyIdentityResult(
        string? key,
        string? name,
        string? postcode,
        string? country,
        IReadOnlyList<CompanyIdentityError> errors)
    {
        Key = key;
        Name = name;
        Postcode = postcode;
        Country = country;
        Errors = errors;
        Succeeded = key is not null;
    }

    /// <summary>
    /// Gets a value indicating whether every field was valid. When <see langword="true"/>,
    /// <see cref="Key"/>, <see cref="Name"/>, <see cref="Postcode"/> and <see cref="Country"/> are set
    /// and <see cref="Errors"/> is empty.
    /// </summary>
    [MemberNotNullWhen(true, nameof(Key), nameof(Name), nameof(Postcode), nameof(Country))]
    public bool Succeeded { get; }

    /// <summary>
    /// Gets the canonical identity key, <c>{COUNTRY}:{POSTCODE}:{canonical name}</c>, for example
    /// <c>NL:1234AB:bakkerij jansen</c>; <see langword="null"/> when the input was invalid.
    /// Two registrations denote the same company exactly when their keys are ordinally equal.
    /// The key is at most 214 characters long.
    /// </summary>
    public string? Key { get; }

    /// <summary>
    /// Gets the company name as registered, for display: trimmed, every run of white space collapsed
    /// to one space and in Unicode normalization form C, but with its case, accents, punctuation and
    /// legal form kept. <see langword="null"/> when the input was invalid.
    /// </summary>
    public string? Name { get; }

    /// <summary>
    /// Gets the postcode in its canonical display form: <c>1234 AB</c> in the Netherlands,
    /// <c>1000</c> in Belgium, <c>10115</c> in Germany and upper-case letters and digits elsewhere;
    /// <see langword="null"/> when the input was invalid.
    /// </summary>
    public string? Postcode { get; }

    /// <summary>
    /// Gets the ISO 3166-1 alpha-2 country code in upper case, for example <c>NL</c>;
    /// <see langword="null"/> when the input was invalid.
    /// </summary>
    public string? Country { get; }

    /// <summary>
    /// Gets the errors, at most one per field, in the order name, postcode, country;
    /// empty when <see cref="Succeeded"/> is <see langword="true"/>.
    /// </summary>
    public IReadOnlyList<CompanyIdentityError> Errors { get; }

    /// <summary>
    /// Returns <see cref="Key"/>, or throws when the input was invalid.
    /// </summary>
    /// <returns>The canonical identity key.</returns>
    /// <exception cref="ArgumentException">The input was invalid; the message names every invalid field.</exception>
    public string EnsureValid()
    {
        if (Succeeded)
        {
            return Key;
        }

        string details = string.Join("; ", Errors.Select(static e => $"{e.Field} ({e.Code}): {e.Message}"));
        throw new ArgumentException("The company identity is invalid. " + details);
    }

    internal static CompanyIdentityResult Success(string key, string name, string postcode, string country) =>
        new(key, name, postcode, country, []);

    internal static CompanyIdentityResult Failure(IReadOnlyList<CompanyIdentityError> errors) =>
        new(null, null, null, null, errors);
}
