using System.Globalization;
using System.Text.RegularExpressions;
using Faktum.Licensing.Companies;

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

    /// <summary>The server refused the value for a reason the sample's own checks do not know.</summary>
    RefusedByServer,
}

/// <summary>
/// The sample's own copy of the server's field rules (src/Faktum.Licensing.Server/Http/Validation.cs and the SDK's
/// <see cref="CompanyIdentity"/>), so a wrong value is refused at its field before the server sees it. The SDK does not yet
/// offer these checks with stable field codes; when it does, this class shrinks to the mapping of its codes.
/// </summary>
internal static partial class FieldRules
{
    /// <summary>Gets the server's JSON path of each field, as <c>LicensingResult.FieldErrors</c> names it.</summary>
    public static IReadOnlyDictionary<string, Field> ServerNames { get; } = new Dictionary<string, Field>(StringComparer.Ordinal)
    {
        ["contact.name"] = Field.ContactName,
        ["contact.phone"] = Field.Phone,
        ["email"] = Field.Email,
        ["company.name"] = Field.CompanyName,
        ["company.country"] = Field.Country,
        ["company.postcode"] = Field.Postcode,
        ["company.street"] = Field.Street,
        ["company.houseNumber"] = Field.HouseNumber,
        ["company.city"] = Field.City,
    };

    public static bool IsOptional(Field field) => field == Field.Phone;

    public static int MaxLength(Field field) => field switch
    {
        Field.Phone => 32,
        Field.Email => 254,
        Field.HouseNumber => 16,
        _ => 100,
    };

    /// <summary>Checks one value; <paramref name="country"/> is the country the postcode belongs to.</summary>
    public static FieldProblem? Check(Field field, string? value, string country = "NL")
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            return IsOptional(field) ? null : FieldProblem.Required;
        }

        switch (field)
        {
            case Field.CompanyName:
                return Identity(CompanyIdentity.Create(trimmed, "1234 AB", "NL"), "name");
            case Field.Postcode:
                return Identity(CompanyIdentity.Create("Faktum", trimmed, country), "postcode");
            case Field.Country:
                return Identity(CompanyIdentity.Create("Faktum", null, trimmed), "country");
            case Field.Email:
                return trimmed.Length > MaxLength(field) || !EmailPattern().IsMatch(trimmed) ? FieldProblem.InvalidFormat : null;
            default:
                break;
        }

        if (trimmed.Any(c => char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse))
        {
            return FieldProblem.InvisibleCharacters;
        }

        var collapsed = WhitespaceRun().Replace(trimmed, " ");
        if (collapsed.Length > MaxLength(field))
        {
            return FieldProblem.TooLong;
        }

        Func<char, bool> allowed = field switch
        {
            Field.Phone => c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')',
            Field.HouseNumber => c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-' or '/',
            _ => IsAddressCharacter,
        };
        return collapsed.All(allowed) ? null : FieldProblem.NotAllowedCharacters;
    }

    private static FieldProblem? Identity(CompanyIdentityResult result, string field) =>
        result.Errors.FirstOrDefault(e => e.Field == field)?.Code switch
        {
            null => null,
            "required" => FieldProblem.Required,
            "too-long" => FieldProblem.TooLong,
            "invalid-characters" => FieldProblem.InvisibleCharacters,
            "mixed-script" => FieldProblem.MixedScript,
            "unknown-country" => FieldProblem.UnknownCountry,
            _ => FieldProblem.InvalidFormat,
        };

    private static bool IsAddressCharacter(char c) =>
        char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
        || c is ' ' or '.' or ',' or '\'' or '-' or '/' or '(' or ')' or '&';

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRun();

    [GeneratedRegex(@"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$")]
    private static partial Regex EmailPattern();
}
