using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Faktum.Licensing.Server.Companies;

// TEMPORARY: stands in for Faktum.Licensing.Companies.CompanyIdentity (another branch). When merging, make
// CompanyIdentityCanonicalizer call CompanyIdentity.Create and map its result; nothing else in the server changes.

/// <summary>One problem with a company identity field ("name", "postcode" or "country").</summary>
internal sealed record CompanyIdentityError(string Field, string Code, string Message);

/// <summary>The canonical identity of (name, postcode, country), or why there is none.</summary>
internal sealed record CompanyIdentityResult(
    bool Succeeded,
    string? Key,
    string? Name,
    string? Postcode,
    string? Country,
    IReadOnlyList<CompanyIdentityError> Errors);

/// <summary>Computes the canonical company identity that invariant I1's unique index holds.</summary>
internal interface ICompanyIdentityCanonicalizer
{
    CompanyIdentityResult Create(string? name, string? postcode, string? country);
}

/// <summary>A simple temporary canonicalizer: name lower-cased, whitespace collapsed, trailing "B.V." dropped; postcode upper-cased without spaces.</summary>
internal sealed partial class CompanyIdentityCanonicalizer : ICompanyIdentityCanonicalizer
{
    public CompanyIdentityResult Create(string? name, string? postcode, string? country)
    {
        var errors = new List<CompanyIdentityError>();
        var countryCode = string.IsNullOrWhiteSpace(country) ? "NL" : country.Trim().ToUpperInvariant();
        if (countryCode.Length != 2 || !countryCode.All(char.IsAsciiLetterUpper))
        {
            errors.Add(new("country", "invalid", "The country must be an ISO 3166-1 alpha-2 code such as NL."));
        }

        var displayName = name is null ? null : WhitespaceRun().Replace(name.Trim(), " ");
        if (name is not null && name.Any(c => char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format))
        {
            errors.Add(new("name", "characters", "The company name holds control or invisible characters."));
        }
        else if (string.IsNullOrEmpty(displayName))
        {
            errors.Add(new("name", "required", "The company name is required."));
        }
        else if (displayName.Length is < 2 or > 100)
        {
            errors.Add(new("name", "length", "The company name must be 2 to 100 characters long."));
        }
        else if (!displayName.All(IsNameCharacter))
        {
            errors.Add(new("name", "characters", "The company name may hold letters, digits, spaces and . , & ' - ( ) / + only."));
        }

        string? displayPostcode = null;
        var compact = postcode is null ? string.Empty : WhitespaceRun().Replace(postcode.Trim(), string.Empty).ToUpperInvariant();
        if (compact.Length == 0)
        {
            errors.Add(new("postcode", "required", "The postcode is required."));
        }
        else if (countryCode == "NL")
        {
            if (DutchPostcode().IsMatch(compact))
            {
                displayPostcode = string.Concat(compact.AsSpan(0, 4), " ", compact.AsSpan(4));
            }
            else
            {
                errors.Add(new("postcode", "invalid", "A Dutch postcode is four digits and two letters, like 1234 AB."));
            }
        }
        else if (compact.Length <= 10 && compact.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            displayPostcode = postcode!.Trim().ToUpperInvariant();
        }
        else
        {
            errors.Add(new("postcode", "invalid", "The postcode may hold at most 10 letters, digits and dashes."));
        }

        if (errors.Count > 0)
        {
            return new CompanyIdentityResult(false, null, null, null, null, errors);
        }

        var canonicalName = LegalFormSuffix().Replace(WhitespaceRun().Replace(displayName!.Normalize(NormalizationForm.FormKC).ToLowerInvariant(), " "), string.Empty).Trim();
        return new CompanyIdentityResult(true, $"{countryCode}:{compact}:{canonicalName}", displayName, displayPostcode, countryCode, []);
    }

    private static bool IsNameCharacter(char c) => CharUnicodeInfo.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.DecimalDigitNumber => true,
        _ => c is ' ' or '.' or ',' or '&' or '\'' or '-' or '(' or ')' or '/' or '+',
    };

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRun();

    [GeneratedRegex("^[1-9][0-9]{3}[A-Z]{2}$")]
    private static partial Regex DutchPostcode();

    [GeneratedRegex(@"\s+b\.?\s?v\.?$")]
    private static partial Regex LegalFormSuffix();
}
