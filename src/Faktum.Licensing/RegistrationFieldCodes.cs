using Faktum.Licensing.Registration;

namespace Faktum.Licensing;

/// <summary>
/// The stable codes of <see cref="RegistrationFieldError.Code"/>: one text per code in each language of the host app. They are
/// the server's own codes (the shared <c>FieldCodes</c>), so they cannot drift apart.
/// </summary>
public static class RegistrationFieldCodes
{
    /// <summary>The field is empty and must not be.</summary>
    public const string Required = FieldCodes.Required;

    /// <summary>The field is longer than its limit.</summary>
    public const string TooLong = FieldCodes.TooLong;

    /// <summary>The field holds a control or invisible character (zero-width, a bidirectional override, a Hangul filler …).</summary>
    public const string InvalidCharacters = FieldCodes.InvalidCharacters;

    /// <summary>The field holds a character it does not take (a phone number holds digits, spaces and <c>+ - ( )</c> only).</summary>
    public const string NotAllowed = FieldCodes.NotAllowed;

    /// <summary>The value does not have the field's form: a postcode of the country, an e-mail address, a name that is more than a legal form.</summary>
    public const string InvalidFormat = FieldCodes.InvalidFormat;

    /// <summary>A word of the company name mixes Latin, Greek or Cyrillic letters (a look-alike of another name).</summary>
    public const string MixedScript = FieldCodes.MixedScript;

    /// <summary>The country is not an ISO 3166-1 alpha-2 code.</summary>
    public const string UnknownCountry = FieldCodes.UnknownCountry;

    /// <summary>
    /// A company with this name and postcode is already registered: only the server knows (<see cref="LicensingFailure.CompanyAlreadyRegistered"/>,
    /// whose <see cref="LicensingResult.RefusedFields"/> name the company's name and postcode with this code).
    /// </summary>
    public const string AlreadyRegistered = FieldCodes.AlreadyRegistered;

    /// <summary>Gets every code, for a host to check that each has a text in every language it offers.</summary>
    public static IReadOnlyList<string> All { get; } = [Required, TooLong, InvalidCharacters, NotAllowed, InvalidFormat, MixedScript, UnknownCountry, AlreadyRegistered];
}
