using Faktum.Licensing;

namespace Faktum.Factuur.Screens;

/// <summary>The fields of the registration screens, in the order they are asked.</summary>
internal enum Field
{
    ContactName,
    Phone,
    Email,
    CompanyName,
    Country,
    Postcode,
    Street,
    HouseNumber,
    City,
}

/// <summary>Why a field's value is refused; each has a Dutch and an English text (<see cref="Texts.Texts.Problem"/>).</summary>
internal enum FieldProblem
{
    Required,
    TooLong,
    InvisibleCharacters,
    NotAllowedCharacters,
    MixedScript,
    InvalidFormat,
    UnknownCountry,

    /// <summary>A company with this name and postcode is already registered (only the server knows).</summary>
    AlreadyRegistered,

    /// <summary>The server refused the value for a reason the sample's own checks do not know.</summary>
    RefusedByServer,
}

/// <summary>
/// The field checks of the registration screens: the SDK's <see cref="RegistrationValidator"/>, which applies the server's own
/// rules before anything is sent, and the mapping of its stable codes (<see cref="RegistrationFieldCodes"/>) to the reasons the
/// screens show in Dutch or English.
/// </summary>
internal static class FieldRules
{
    /// <summary>Gets each field by the server's name for it (<see cref="RegistrationFields"/>), as <c>LicensingResult.FieldErrors</c> names it.</summary>
    public static IReadOnlyDictionary<string, Field> ServerNames { get; } = new Dictionary<string, Field>(StringComparer.Ordinal)
    {
        [RegistrationFields.ContactName] = Field.ContactName,
        [RegistrationFields.Phone] = Field.Phone,
        [RegistrationFields.Email] = Field.Email,
        [RegistrationFields.CompanyName] = Field.CompanyName,
        [RegistrationFields.Country] = Field.Country,
        [RegistrationFields.Postcode] = Field.Postcode,
        [RegistrationFields.Street] = Field.Street,
        [RegistrationFields.HouseNumber] = Field.HouseNumber,
        [RegistrationFields.City] = Field.City,
    };

    public static bool IsOptional(Field field) => field == Field.Phone;

    /// <summary>The longest value of a field, for the "too long" text.</summary>
    public static int MaxLength(Field field) => field switch
    {
        Field.Phone => 32,
        Field.Email => 254,
        Field.HouseNumber => 16,
        Field.CompanyName => 200,
        _ => 100,
    };

    /// <summary>Checks one value; <paramref name="country"/> is the country the postcode belongs to.</summary>
    public static FieldProblem? Check(Field field, string? value, string country = "NL")
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return IsOptional(field) ? null : FieldProblem.Required;
        }

        var name = ServerNames.Single(pair => pair.Value == field).Key;
        return RegistrationValidator.ValidateField(name, value, country)?.Code is { } code ? ProblemOf(code) ?? FieldProblem.InvalidFormat : null;
    }

    /// <summary>
    /// Gets the reason the screens show for each of the SDK's field codes, from <see cref="RegistrationValidator"/> and from the
    /// server alike (<see cref="LicensingResult.RefusedFields"/>). A code missing here has no text: the field-texts test fails.
    /// </summary>
    public static IReadOnlyDictionary<string, FieldProblem> Codes { get; } = new Dictionary<string, FieldProblem>(StringComparer.Ordinal)
    {
        [RegistrationFieldCodes.Required] = FieldProblem.Required,
        [RegistrationFieldCodes.TooLong] = FieldProblem.TooLong,
        [RegistrationFieldCodes.InvalidCharacters] = FieldProblem.InvisibleCharacters,
        [RegistrationFieldCodes.NotAllowed] = FieldProblem.NotAllowedCharacters,
        [RegistrationFieldCodes.InvalidFormat] = FieldProblem.InvalidFormat,
        [RegistrationFieldCodes.MixedScript] = FieldProblem.MixedScript,
        [RegistrationFieldCodes.UnknownCountry] = FieldProblem.UnknownCountry,
        [RegistrationFieldCodes.AlreadyRegistered] = FieldProblem.AlreadyRegistered,
    };

    /// <summary>The reason for <paramref name="code"/>, or <see langword="null"/> for a code this sample does not know (a newer server).</summary>
    public static FieldProblem? ProblemOf(string code) => Codes.TryGetValue(code, out var problem) ? problem : null;
}
