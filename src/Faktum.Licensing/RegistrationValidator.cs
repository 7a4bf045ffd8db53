using Faktum.Licensing.Companies;
using Faktum.Licensing.Registration;

namespace Faktum.Licensing;

/// <summary>
/// Checks a registration on this computer with the rules the server applies — the same code, compiled into both — so a
/// host can refuse a field while the user is still at it, in the user's language (map <see cref="RegistrationFieldError.Code"/>
/// to a text). A registration this validator accepts is one the server accepts as far as each field goes; whether the
/// company is already registered only the server knows.
/// </summary>
public static class RegistrationValidator
{
    private const string DefaultCountry = "NL";

    /// <summary>Checks every field of <paramref name="registration"/>; an empty list when all are fine.</summary>
    /// <param name="registration">The registration as the user filled it in.</param>
    /// <returns>One error per refused field, in the order of the registration form.</returns>
    public static IReadOnlyList<RegistrationFieldError> Validate(CompanyRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var errors = new List<RegistrationFieldError>();
        var identity = CompanyIdentity.Create(registration.CompanyName, registration.Postcode, CountryOrDefault(registration.Country));
        errors.AddRange(identity.Errors.Select(e => new RegistrationFieldError("company." + e.Field, e.Code, e.Message)));
        Add(errors, RegistrationFields.Street, FieldCheck.Address(AddressFields.Street, registration.Street, required: true, out _));
        Add(errors, RegistrationFields.HouseNumber, FieldCheck.Address(AddressFields.HouseNumber, registration.HouseNumber, required: true, out _));
        Add(errors, RegistrationFields.City, FieldCheck.Address(AddressFields.City, registration.City, required: true, out _));
        Add(errors, RegistrationFields.ContactName, FieldCheck.Address(AddressFields.ContactName, registration.ContactName, required: true, out _));
        Add(errors, RegistrationFields.Phone, FieldCheck.Address(AddressFields.Phone, registration.Phone, required: false, out _));
        Add(errors, RegistrationFields.Email, FieldCheck.Email(registration.Email, out _));
        return errors;
    }

    /// <summary>Checks one field as the user leaves it.</summary>
    /// <param name="field">The field, one of <see cref="RegistrationFields"/>.</param>
    /// <param name="value">Its value as typed.</param>
    /// <param name="country">For <see cref="RegistrationFields.Postcode"/>: the country whose postcode rule applies (NL when omitted).</param>
    /// <returns>The error, or <see langword="null"/> when the value is fine.</returns>
    /// <exception cref="ArgumentException"><paramref name="field"/> is not one of <see cref="RegistrationFields"/>.</exception>
    public static RegistrationFieldError? ValidateField(string field, string? value, string? country = null)
    {
        ArgumentNullException.ThrowIfNull(field);
        var problem = field switch
        {
            RegistrationFields.CompanyName => Identity(CompanyName.Canonicalize(value, out _, out _)),
            RegistrationFields.Postcode => Identity(PostalCode.Canonicalize(value, CanonicalCountry(country), out _, out _)),
            RegistrationFields.Country => Identity(CountryCode.Canonicalize(CountryOrDefault(value), out _)),
            RegistrationFields.Street => FieldCheck.Address(AddressFields.Street, value, required: true, out _),
            RegistrationFields.HouseNumber => FieldCheck.Address(AddressFields.HouseNumber, value, required: true, out _),
            RegistrationFields.City => FieldCheck.Address(AddressFields.City, value, required: true, out _),
            RegistrationFields.ContactName => FieldCheck.Address(AddressFields.ContactName, value, required: true, out _),
            RegistrationFields.Phone => FieldCheck.Address(AddressFields.Phone, value, required: false, out _),
            RegistrationFields.Email => FieldCheck.Email(value, out _),
            _ => throw new ArgumentException($"'{field}' is not a registration field; use one of RegistrationFields.", nameof(field)),
        };
        return problem is null ? null : new RegistrationFieldError(field, problem.Code, problem.Message);
    }

    private static void Add(List<RegistrationFieldError> errors, string field, FieldProblem? problem)
    {
        if (problem is not null)
        {
            errors.Add(new RegistrationFieldError(field, problem.Code, problem.Message));
        }
    }

    private static FieldProblem? Identity(CompanyIdentityError? error) => error is null ? null : new FieldProblem(error.Code, error.Message);

    private static string CountryOrDefault(string? country) => string.IsNullOrWhiteSpace(country) ? DefaultCountry : country;

    private static string? CanonicalCountry(string? country) =>
        CountryCode.Canonicalize(CountryOrDefault(country), out var canonical) is null ? canonical : null;
}
