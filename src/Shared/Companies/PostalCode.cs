using System.Text;
using static Faktum.Licensing.Companies.CompanyIdentityErrors;

namespace Faktum.Licensing.Companies;

/// <summary>Canonicalizes postcodes: the key form has no separators, the display form is the national one.</summary>
internal static class PostalCode
{
    private const int MinOtherLength = 2;
    private const int MaxOtherLength = 10;

    internal static CompanyIdentityError? Canonicalize(string? value, string? country, out string? key, out string? display)
    {
        key = null;
        display = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return new(PostcodeField, Required, "The postcode is required.");
        }

        var compact = new StringBuilder(value.Length);
        foreach (char c in value)
        {
            if (char.IsWhiteSpace(c) || c == '-')
            {
                continue;
            }

            if (!char.IsAsciiLetterOrDigit(c))
            {
                return new(PostcodeField, InvalidCharacters, "The postcode may contain only letters, digits, spaces and hyphens.");
            }

            compact.Append(CountryCode.AsciiToUpper(c));
        }

        string k = compact.ToString();
        switch (country)
        {
            case "NL":
                if (!IsDutch(k))
                {
                    return new(PostcodeField, InvalidFormat,
                        "A Dutch postcode is four digits, the first not 0, and two letters other than SA, SD or SS, for example 1234 AB.");
                }

                key = k;
                display = string.Concat(k.AsSpan(0, 4), " ", k.AsSpan(4, 2));
                return null;

            case "BE":
                if (k.Length != 4 || !IsAllDigits(k) || k[0] == '0')
                {
                    return new(PostcodeField, InvalidFormat, "A Belgian postcode is four digits from 1000 to 9999, for example 1000.");
                }

                break;

            case "DE":
                if (k.Length != 5 || !IsAllDigits(k))
                {
                    return new(PostcodeField, InvalidFormat, "A German postcode is five digits, for example 10115.");
                }

                break;

            default:
                if (k.Length is < MinOtherLength or > MaxOtherLength)
                {
                    return new(PostcodeField, InvalidFormat, "A postcode has 2 to 10 letters and digits, not counting spaces and hyphens.");
                }

                break;
        }

        key = k;
        display = k;
        return null;
    }

    private static bool IsDutch(string k) =>
        k.Length == 6
        && k[0] is >= '1' and <= '9'
        && char.IsAsciiDigit(k[1]) && char.IsAsciiDigit(k[2]) && char.IsAsciiDigit(k[3])
        && char.IsAsciiLetter(k[4]) && char.IsAsciiLetter(k[5])
        && k.AsSpan(4) is not ("SA" or "SD" or "SS");

    private static bool IsAllDigits(string k)
    {
        foreach (char c in k)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
