using System.Collections.Frozen;
using static Faktum.Licensing.Companies.CompanyIdentityErrors;

namespace Faktum.Licensing.Companies;

/// <summary>Validates ISO 3166-1 alpha-2 country codes against an embedded list.</summary>
/// <remarks>
/// <see cref="System.Globalization.RegionInfo"/> is not used: it depends on the ICU data of the
/// machine (on Linux it rejects EH and accepts the withdrawn CS and the user-assigned XK) and in
/// globalization-invariant mode it rejects every code, so two server instances could disagree.
/// </remarks>
internal static class CountryCode
{
    // The 249 officially assigned ISO 3166-1 alpha-2 codes.
    private const string Assigned =
        "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ " +
        "BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
        "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ " +
        "DE DJ DK DM DO DZ " +
        "EC EE EG EH ER ES ET " +
        "FI FJ FK FM FO FR " +
        "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY " +
        "HK HM HN HR HT HU " +
        "ID IE IL IM IN IO IQ IR IS IT " +
        "JE JM JO JP " +
        "KE KG KH KI KM KN KP KR KW KY KZ " +
        "LA LB LC LI LK LR LS LT LU LV LY " +
        "MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ " +
        "NA NC NE NF NG NI NL NO NP NR NU NZ " +
        "OM " +
        "PA PE PF PG PH PK PL PM PN PR PS PT PW PY " +
        "QA " +
        "RE RO RS RU RW " +
        "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ " +
        "TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ " +
        "UA UG UM US UY UZ " +
        "VA VC VE VG VI VN VU " +
        "WF WS " +
        "YE YT " +
        "ZA ZM ZW";

    internal static readonly FrozenSet<string> AssignedCodes =
        Assigned.Split(' ').ToFrozenSet(StringComparer.Ordinal);

    internal static CompanyIdentityError? Canonicalize(string? value, out string? country)
    {
        country = null;
        string trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            return new(CountryField, Required, "The country is required: give its ISO 3166-1 alpha-2 code, for example NL.");
        }

        if (trimmed.Length != 2 || !char.IsAsciiLetter(trimmed[0]) || !char.IsAsciiLetter(trimmed[1]))
        {
            return new(CountryField, InvalidFormat, "The country must be a two-letter ISO 3166-1 alpha-2 code, for example NL, BE or DE.");
        }

        string upper = string.Create(2, trimmed, static (span, s) =>
        {
            span[0] = AsciiToUpper(s[0]);
            span[1] = AsciiToUpper(s[1]);
        });
        if (!AssignedCodes.Contains(upper))
        {
            return new(CountryField, UnknownCountry, $"'{upper}' is not an ISO 3166-1 alpha-2 country code (the United Kingdom is GB).");
        }

        country = upper;
        return null;
    }

    internal static char AsciiToUpper(char c) => char.IsAsciiLetterLower(c) ? (char)(c - ('a' - 'A')) : c;
}
