using System.Text;

namespace Faktum.Licensing.Companies;

/// <summary>
/// Canonicalizes the identity of a company — its name, postcode and country — so that one company
/// has exactly one key however its details are typed (invariant I1: one license per company).
/// </summary>
/// <remarks>
/// <para>
/// <b>Name.</b> The key uses the name in Unicode compatibility form (NFKC, so fullwidth letters and
/// ligatures such as <c>ﬁ</c> become plain letters), case folded (including <c>ß</c> to <c>ss</c>),
/// without diacritics, with white space collapsed. Dots and apostrophes are dropped
/// (<c>A.B.C.</c> equals <c>ABC</c>, <c>O'Brien</c> equals <c>OBrien</c>); every other punctuation
/// mark or symbol separates words (<c>Jansen-de Vries</c> equals <c>Jansen de Vries</c>).
/// <c>&amp;</c> is such a symbol and is not read as a word, so <c>Jansen &amp; Zn</c> equals
/// <c>Jansen Zn</c> but differs from <c>Jansen en Zn</c>.
/// </para>
/// <para>
/// Dutch legal forms are ignored as whole words at the start or the end of the name, in any spelling
/// of dots and spaces: B.V., N.V., V.O.F. and C.V., and spelled out as <c>besloten vennootschap</c>
/// (optionally <c>met beperkte aansprakelijkheid</c>), <c>naamloze vennootschap</c>,
/// <c>vennootschap onder firma</c> and <c>commanditaire vennootschap</c>. At the end only, <c>i.o.</c>
/// and <c>in oprichting</c> (in formation) are ignored too. Letters inside words are never removed
/// (<c>Bvba Tuin</c> keeps <c>bvba</c>). A name that is nothing but a legal form is invalid.
/// </para>
/// <para>
/// A name is rejected when it contains control characters, invisible formatting characters (such as
/// U+200B ZERO WIDTH SPACE or the bidirectional overrides), line or paragraph separators,
/// private-use or unassigned code points or unpaired surrogates, or when it is longer than 200
/// UTF-16 code units, either as typed or after compatibility normalization.
/// </para>
/// <para>
/// <b>Postcode.</b> Spaces and hyphens are ignored and letters upper-cased. Netherlands (<c>NL</c>):
/// four digits not starting with 0 and two letters other than SA, SD or SS; key <c>1234AB</c>,
/// display <c>1234 AB</c>. Belgium (<c>BE</c>): 1000 to 9999. Germany (<c>DE</c>): five digits.
/// Elsewhere: 2 to 10 ASCII letters and digits.
/// </para>
/// <para>
/// <b>Country.</b> An officially assigned ISO 3166-1 alpha-2 code, case-insensitive. No default is
/// applied: a missing country is an error. The list is embedded so that every server instance,
/// whatever its operating system or ICU version, accepts the same codes.
/// </para>
/// </remarks>
internal static class CompanyIdentity
{
    private static readonly bool s_normalizationAvailable = IsNormalizationAvailable();

    /// <summary>
    /// Validates and canonicalizes a company's name, postcode and country.
    /// </summary>
    /// <param name="name">The company name as the user typed it.</param>
    /// <param name="postcode">The postcode as the user typed it.</param>
    /// <param name="country">The ISO 3166-1 alpha-2 country code, for example <c>NL</c>.</param>
    /// <returns>
    /// A successful result with the canonical key and display values, or a failed result with one
    /// <see cref="CompanyIdentityError"/> per invalid field. Invalid input, including
    /// <see langword="null"/>, is never thrown.
    /// </returns>
    /// <exception cref="PlatformNotSupportedException">
    /// The process runs in globalization-invariant mode, in which .NET cannot normalize Unicode text
    /// and the key would silently differ from that computed elsewhere.
    /// </exception>
    public static CompanyIdentityResult Create(string? name, string? postcode, string? country)
    {
        if (!s_normalizationAvailable)
        {
            throw new PlatformNotSupportedException(
                "Company identities need Unicode normalization, which is unavailable in globalization-invariant mode. " +
                "Set <InvariantGlobalization>false</InvariantGlobalization> (or DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=0) " +
                "and make sure ICU (libicu) is installed.");
        }

        CompanyIdentityError? countryError = CountryCode.Canonicalize(country, out string? canonicalCountry);
        CompanyIdentityError? postcodeError = PostalCode.Canonicalize(
            postcode, canonicalCountry, out string? postcodeKey, out string? postcodeDisplay);
        CompanyIdentityError? nameError = CompanyName.Canonicalize(name, out string? displayName, out string? canonicalName);

        if (nameError is null && postcodeError is null && countryError is null)
        {
            string key = string.Concat(canonicalCountry, ":", postcodeKey, ":", canonicalName);
            return CompanyIdentityResult.Success(key, displayName!, postcodeDisplay!, canonicalCountry!);
        }

        var errors = new List<CompanyIdentityError>(3);
        AddIfNotNull(errors, nameError);
        AddIfNotNull(errors, postcodeError);
        AddIfNotNull(errors, countryError);
        return CompanyIdentityResult.Failure(errors.AsReadOnly());
    }

    private static void AddIfNotNull(List<CompanyIdentityError> errors, CompanyIdentityError? error)
    {
        if (error is not null)
        {
            errors.Add(error);
        }
    }

    // In globalization-invariant mode string.Normalize returns its input unchanged instead of throwing.
    private static bool IsNormalizationAvailable() => "\u00E9".Normalize(NormalizationForm.FormD).Length == 2;
}
