using System.Globalization;

namespace Faktum.Licensing.Registration;

/// <summary>
/// The one table of address and contact field rules. The company's name, postcode and country are its identity and follow
/// the canonicalization rules instead (<see cref="Companies.CompanyIdentity"/>). Compiled into the server and the SDK.
/// </summary>
internal static class AddressFields
{
    public static readonly AddressField Street = new("company.street", "street", 100, Required: true, IsAddressCharacter);

    public static readonly AddressField HouseNumber = new("company.houseNumber", "houseNumber", 16, Required: true, IsHouseNumberCharacter);

    public static readonly AddressField City = new("company.city", "city", 100, Required: true, IsAddressCharacter);

    public static readonly AddressField ContactName = new("contact.name", "contactName", 100, Required: true, IsAddressCharacter);

    public static readonly AddressField Phone = new("contact.phone", "phone", 32, Required: false, IsPhoneCharacter,
        "A phone number holds digits, spaces and + - ( ) only.");

    /// <summary>Gets every field, in the order of the registration form.</summary>
    public static IReadOnlyList<AddressField> All { get; } = [Street, HouseNumber, City, ContactName, Phone];

    /// <summary>A letter or digit of any script, or a combining mark.</summary>
    public static bool IsLetterLike(char c) =>
        char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    /// <summary>Street, city and names: letters, digits and <c>space . , ' - / ( ) &amp;</c>.</summary>
    public static bool IsAddressCharacter(char c) => IsLetterLike(c) || c is ' ' or '.' or ',' or '\'' or '-' or '/' or '(' or ')' or '&';

    /// <summary>House numbers: ASCII letters and digits, <c>space - /</c>.</summary>
    public static bool IsHouseNumberCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-' or '/';

    /// <summary>Phone numbers: ASCII digits and <c>space + - ( )</c>.</summary>
    public static bool IsPhoneCharacter(char c) => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')';
}
