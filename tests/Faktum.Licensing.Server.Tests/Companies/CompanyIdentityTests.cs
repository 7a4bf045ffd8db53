using Faktum.Licensing.Companies;

namespace Faktum.Licensing.Server.Tests.Companies;

public class CompanyIdentityTests
{
    private const string Sql = "Robert'); DROP TABLE companies;--";

    // (name, postcode, country) twice: two ways of typing the same company.
    public static TheoryData<string, string, string, string, string, string> SameCompany => new()
    {
        // The seed's example (story S3).
        { "Bakkerij Jansen B.V.", "1234 AB", "NL", "bakkerij  jansen bv", "1234ab", "NL" },
        // Case, diacritics and Unicode normalization.
        { "Café De Zwaan", "1234 AB", "NL", "cafe de zwaan", "1234 AB", "NL" },
        { "Cafe\u0301 De Zwaan", "1234 AB", "NL", "Caf\u00E9 De Zwaan", "1234 AB", "NL" },
        { "Ｂａｋｋｅｒｉｊ Ｊａｎｓｅｎ", "1234 AB", "NL", "Bakkerij Jansen", "1234 AB", "NL" },
        { "Oﬃce ﬁx", "1234 AB", "NL", "Office fix", "1234 AB", "NL" },
        { "İstanbul Kebab", "1234 AB", "NL", "istanbul kebab", "1234 AB", "NL" },
        { "Müller Bau", "10115", "DE", "MULLER BAU", "10115", "DE" },
        { "Straße Bau", "10115", "DE", "STRASSE BAU", "10115", "DE" },
        // White space.
        { "  Jansen\u00A0Bouw  ", "1234 AB", "NL", "Jansen Bouw", "1234 AB", "NL" },
        { "Jansen \u2003  Bouw", "1234 AB", "NL", "Jansen Bouw", "1234 AB", "NL" },
        // Punctuation and symbols.
        { "JANSEN-DE VRIES", "1234 AB", "NL", "Jansen de Vries", "1234 AB", "NL" },
        { "A.B.C. Bouw", "1234 AB", "NL", "ABC Bouw", "1234 AB", "NL" },
        { "'t Hoekje", "1234 AB", "NL", "\u2019t Hoekje", "1234 AB", "NL" },
        { "Jansen & Zn", "1234 AB", "NL", "Jansen&Zn", "1234 AB", "NL" },
        { "Bakkerij Jansen™", "1234 AB", "NL", "Bakkerij Jansen®", "1234 AB", "NL" },
        // Legal forms in many spellings, at the end or the start.
        { "Jansen B.V.", "1234 AB", "NL", "Jansen", "1234 AB", "NL" },
        { "Jansen BV", "1234 AB", "NL", "Jansen b.v", "1234 AB", "NL" },
        { "Jansen B. V.", "1234 AB", "NL", "Jansen bv.", "1234 AB", "NL" },
        { "Jansen B V", "1234 AB", "NL", "Jansen", "1234 AB", "NL" },
        { "Ｊａｎｓｅｎ ＢＶ", "1234 AB", "NL", "Jansen", "1234 AB", "NL" },
        { "B.V. Jansen", "1234 AB", "NL", "Jansen B.V.", "1234 AB", "NL" },
        { "N.V. Jansen", "1234 AB", "NL", "Jansen nv", "1234 AB", "NL" },
        { "Jansen & De Vries V.O.F.", "1234 AB", "NL", "Jansen De Vries vof", "1234 AB", "NL" },
        { "Jansen & De Vries V. O. F.", "1234 AB", "NL", "Jansen De Vries", "1234 AB", "NL" },
        { "Jansen C.V.", "1234 AB", "NL", "Jansen cv", "1234 AB", "NL" },
        { "Jansen Besloten Vennootschap", "1234 AB", "NL", "Jansen B.V.", "1234 AB", "NL" },
        { "Jansen besloten vennootschap met beperkte aansprakelijkheid", "1234 AB", "NL", "Jansen", "1234 AB", "NL" },
        { "Naamloze Vennootschap Jansen", "1234 AB", "NL", "Jansen N.V.", "1234 AB", "NL" },
        { "Jansen Vennootschap onder Firma", "1234 AB", "NL", "Jansen", "1234 AB", "NL" },
        { "Jansen Commanditaire Vennootschap", "1234 AB", "NL", "Jansen", "1234 AB", "NL" },
        { "Jansen B.V. i.o.", "1234 AB", "NL", "Jansen", "1234 AB", "NL" },
        { "Jansen B.V. in oprichting", "1234 AB", "NL", "Jansen", "1234 AB", "NL" },
        // Postcode and country spellings.
        { "Jansen", " 1234-ab ", "NL", "Jansen", "1234AB", "nl" },
        { "Jansen", "1234 AB", " NL ", "Jansen", "1234 ab", "NL" },
        { "Bakkerij Peeters", " 1000", "BE", "Bakkerij Peeters", "1000", "be" },
        { "Smith Ltd", "sw1a 1aa", "GB", "Smith Ltd", "SW1A-1AA", "GB" },
        // Security review F7: "&", "+", "en" and "and" between two words are one connective (until then "&" and "en" differed).
        { "Jansen & Zn", "1234 AB", "NL", "Jansen en Zn", "1234 AB", "NL" },
        { "Jansen + Zn", "1234 AB", "NL", "Jansen and Zn", "1234 AB", "NL" },
        { "Bakker en Bakker", "1234 AB", "NL", "Bakker & Bakker", "1234 AB", "NL" },
        // F7: spaced initials are initials.
        { "A. B. C. Bouw", "1234 AB", "NL", "ABC Bouw", "1234 AB", "NL" },
        { "A B C Bouw", "1234 AB", "NL", "A.B.C. Bouw", "1234 AB", "NL" },
        { "Bouw J. K. Jansen", "1234 AB", "NL", "Bouw JK Jansen", "1234 AB", "NL" },
        // F7: the cooperative's suffixes and "in liquidatie".
        { "Coöperatie De Hoeve U.A.", "1234 AB", "NL", "Cooperatie De Hoeve", "1234 AB", "NL" },
        { "Coöperatie De Hoeve W.A.", "1234 AB", "NL", "Cooperatie De Hoeve", "1234 AB", "NL" },
        { "Coöperatie De Hoeve B.A.", "1234 AB", "NL", "Cooperatie De Hoeve ua", "1234 AB", "NL" },
        { "Jansen B.V. i.l.", "1234 AB", "NL", "Jansen", "1234 AB", "NL" },
        { "Jansen B.V. in liquidatie", "1234 AB", "NL", "Jansen B.V.", "1234 AB", "NL" },
        // F7: decimal digits of every script are the same number.
        { "Jansen \u0661\u0662", "1234 AB", "NL", "Jansen 12", "1234 AB", "NL" },
        { "Jansen \u06F3", "1234 AB", "NL", "Jansen 3", "1234 AB", "NL" },
        { "Jansen \u096A", "1234 AB", "NL", "Jansen 4", "1234 AB", "NL" },
    };

    public static TheoryData<string, string, string, string, string, string> DifferentCompanies => new()
    {
        { "Jansen", "1234 AB", "NL", "Janssen", "1234 AB", "NL" },
        { "Bakkerij Jansen", "1234 AB", "NL", "Bakkerij Jansen", "1234 AC", "NL" },
        { "Bakkerij Jansen", "1234 AB", "NL", "Bakkerij Jansen", "2234 AB", "NL" },
        { "Bakkerij Peeters", "1000", "BE", "Bakkerij Peeters", "1000", "CH" },
        { "Jansen 1", "1234 AB", "NL", "Jansen 2", "1234 AB", "NL" },
        { "Jansen Bouw", "1234 AB", "NL", "Jansen Bouw Noord", "1234 AB", "NL" },
        { "Jansen Holding B.V.", "1234 AB", "NL", "Jansen B.V.", "1234 AB", "NL" },
        // Legal forms are whole words only: never letters inside a word.
        { "Bvba Tuin", "1234 AB", "NL", "Tuin", "1234 AB", "NL" },
        { "JansenBV", "1234 AB", "NL", "Jansen", "1234 AB", "NL" },
        { "BVB Bouw", "1234 AB", "NL", "Bouw", "1234 AB", "NL" },
        { "Covid Zorg", "1234 AB", "NL", "Zorg", "1234 AB", "NL" },
        { "Nvidia Fans", "1234 AB", "NL", "Fans", "1234 AB", "NL" },
        // A legal form in the middle is part of the name.
        { "Jansen BV Holding", "1234 AB", "NL", "Jansen Holding", "1234 AB", "NL" },
        // "i.o." is only ignored at the end.
        { "IO Solutions", "1234 AB", "NL", "Solutions", "1234 AB", "NL" },
        // F7's rules stay narrow: a first or last "en" is part of the name, one initial alone is kept,
        // and the cooperative's suffixes are only ignored at the end.
        { "En Vogue Mode", "1234 AB", "NL", "Vogue Mode", "1234 AB", "NL" },
        { "Jansen B Bouw", "1234 AB", "NL", "Jansen Bouw", "1234 AB", "NL" },
        { "UA Bouw", "1234 AB", "NL", "Bouw", "1234 AB", "NL" },
        // Each word in one alphabet is fine, and a Greek name is not its Latin look-alike.
        { "\u0391\u03B8\u03B7\u03BD\u03B1", "1234 AB", "NL", "Athena", "1234 AB", "NL" },
    };

    [Theory]
    [MemberData(nameof(SameCompany))]
    public void Create_same_company_typed_differently_returns_same_key(
        string name1, string postcode1, string country1, string name2, string postcode2, string country2)
    {
        string key1 = CompanyIdentity.Create(name1, postcode1, country1).EnsureValid();
        string key2 = CompanyIdentity.Create(name2, postcode2, country2).EnsureValid();

        Assert.Equal(key1, key2);
    }

    [Theory]
    [MemberData(nameof(DifferentCompanies))]
    public void Create_different_companies_return_different_keys(
        string name1, string postcode1, string country1, string name2, string postcode2, string country2)
    {
        string key1 = CompanyIdentity.Create(name1, postcode1, country1).EnsureValid();
        string key2 = CompanyIdentity.Create(name2, postcode2, country2).EnsureValid();

        Assert.NotEqual(key1, key2);
    }

    [Theory]
    [InlineData("Bakkerij Jansen B.V.", "1234 AB", "NL", "NL:1234AB:bakkerij jansen")]
    [InlineData(Sql, "1234 AB", "NL", "NL:1234AB:robert drop table companies")]
    [InlineData("Café De Zwaan", "1234ab", "nl", "NL:1234AB:cafe de zwaan")]
    [InlineData("Bvba Tuin", "1234 AB", "NL", "NL:1234AB:bvba tuin")]
    [InlineData("Covid B.V.", "1234 AB", "NL", "NL:1234AB:covid")]
    [InlineData("Jansen & Zn", "1234 AB", "NL", "NL:1234AB:jansen zn")]
    [InlineData("Oﬃce ﬁx", "1234 AB", "NL", "NL:1234AB:office fix")]
    [InlineData("Straße Bau GmbH", "01067", "DE", "DE:01067:strasse bau gmbh")]
    [InlineData("Bakkerij Peeters", "1000", "BE", "BE:1000:bakkerij peeters")]
    [InlineData("Smith & Sons Ltd.", "sw1a 1aa", "gb", "GB:SW1A1AA:smith sons ltd")]
    [InlineData("A. B. C. Bouw en Zonen U.A.", "1234 AB", "NL", "NL:1234AB:abc bouw zonen")]
    [InlineData("\u0645\u0637\u0639\u0645 Jansen", "1234 AB", "NL", "NL:1234AB:\u0645\u0637\u0639\u0645 jansen")]
    public void Create_valid_input_returns_canonical_key(string name, string postcode, string country, string expectedKey)
    {
        CompanyIdentityResult result = CompanyIdentity.Create(name, postcode, country);

        Assert.True(result.Succeeded);
        Assert.Equal(expectedKey, result.Key);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Create_sql_looking_name_is_just_a_name()
    {
        CompanyIdentityResult result = CompanyIdentity.Create(Sql, "1234 AB", "NL");

        Assert.True(result.Succeeded);
        Assert.Equal("NL:1234AB:robert drop table companies", result.Key);
        Assert.Equal(Sql, result.Name);
    }

    [Fact]
    public void Create_valid_input_returns_display_values_as_registered()
    {
        CompanyIdentityResult result = CompanyIdentity.Create("  Bakkerij  Jansen\u00A0B.V. ", " 1234-ab ", " nl ");

        Assert.True(result.Succeeded);
        Assert.Equal("Bakkerij Jansen B.V.", result.Name);
        Assert.Equal("1234 AB", result.Postcode);
        Assert.Equal("NL", result.Country);
    }

    [Fact]
    public void Create_decomposed_name_displays_name_in_normalization_form_c()
    {
        CompanyIdentityResult result = CompanyIdentity.Create("Cafe\u0301 De Zwaan", "1234 AB", "NL");

        Assert.Equal("Caf\u00E9 De Zwaan", result.Name);
    }

    [Theory]
    [InlineData("GB", "SW1A-1AA", "SW1A1AA")]
    [InlineData("DE", "01067", "01067")]
    [InlineData("BE", " 9999 ", "9999")]
    [InlineData("FR", "75 001", "75001")]
    public void Create_non_dutch_postcode_displays_compact_upper_case(string country, string postcode, string expected)
    {
        CompanyIdentityResult result = CompanyIdentity.Create("Jansen", postcode, country);

        Assert.Equal(expected, result.Postcode);
    }

    [Theory]
    // Name.
    [InlineData(null, "1234 AB", "NL", "name", "required")]
    [InlineData("", "1234 AB", "NL", "name", "required")]
    [InlineData("   ", "1234 AB", "NL", "name", "required")]
    [InlineData("\u00A0\u2003", "1234 AB", "NL", "name", "required")]
    [InlineData("BV", "1234 AB", "NL", "name", "invalid-format")]
    [InlineData("B.V.", "1234 AB", "NL", "name", "invalid-format")]
    [InlineData("b. v.", "1234 AB", "NL", "name", "invalid-format")]
    [InlineData("N.V. i.o.", "1234 AB", "NL", "name", "invalid-format")]
    [InlineData("Besloten Vennootschap", "1234 AB", "NL", "name", "invalid-format")]
    [InlineData("!!! &&& ...", "1234 AB", "NL", "name", "invalid-format")]
    [InlineData("Jansen\u0007", "1234 AB", "NL", "name", "invalid-characters")]
    [InlineData("Jansen\u0000Bouw", "1234 AB", "NL", "name", "invalid-characters")]
    [InlineData("Jansen\tBouw", "1234 AB", "NL", "name", "invalid-characters")]
    [InlineData("Jansen\nBouw", "1234 AB", "NL", "name", "invalid-characters")]
    [InlineData("Jan\u200Bsen", "1234 AB", "NL", "name", "invalid-characters")]
    [InlineData("Jan\u200Dsen", "1234 AB", "NL", "name", "invalid-characters")]
    [InlineData("\uFEFFJansen", "1234 AB", "NL", "name", "invalid-characters")]
    [InlineData("Jansen\u00ADBouw", "1234 AB", "NL", "name", "invalid-characters")]
    [InlineData("\u202EnesnaJ", "1234 AB", "NL", "name", "invalid-characters")]
    [InlineData("Jansen\u2028Bouw", "1234 AB", "NL", "name", "invalid-characters")]
    [InlineData("Jansen\uE000", "1234 AB", "NL", "name", "invalid-characters")]
    [InlineData("Jansen\u0378", "1234 AB", "NL", "name", "invalid-characters")]
    // F7: invisible letters that are not zero-width format characters (every Default_Ignorable_Code_Point).
    [InlineData("Jansen\u3164Bouw", "1234 AB", "NL", "name", "invalid-characters")]
    [InlineData("\u115FJansen", "1234 AB", "NL", "name", "invalid-characters")]
    [InlineData("Jansen\uFFA0", "1234 AB", "NL", "name", "invalid-characters")]
    [InlineData("Jansen\u034FBouw", "1234 AB", "NL", "name", "invalid-characters")]
    [InlineData("Jansen\uFE0F", "1234 AB", "NL", "name", "invalid-characters")]
    [InlineData("Jansen\u17B4", "1234 AB", "NL", "name", "invalid-characters")]
    [InlineData("Jansen\U000E0041", "1234 AB", "NL", "name", "invalid-characters")]
    // F7: Cyrillic or Greek letters inside a Latin word.
    [InlineData("J\u0430nsen", "1234 AB", "NL", "name", "mixed-script")]
    [InlineData("\u0412akkerij Jansen", "1234 AB", "NL", "name", "mixed-script")]
    [InlineData("Jansen \u0392ouw", "1234 AB", "NL", "name", "mixed-script")]
    [InlineData("Bakkerij J\u0430nsen B.V.", "1234 AB", "NL", "name", "mixed-script")]
    // Postcode.
    [InlineData("Jansen", null, "NL", "postcode", "required")]
    [InlineData("Jansen", " ", "NL", "postcode", "required")]
    [InlineData("Jansen", "0123 AB", "NL", "postcode", "invalid-format")]
    [InlineData("Jansen", "1234 SA", "NL", "postcode", "invalid-format")]
    [InlineData("Jansen", "1234 sd", "NL", "postcode", "invalid-format")]
    [InlineData("Jansen", "1234SS", "NL", "postcode", "invalid-format")]
    [InlineData("Jansen", "1234", "NL", "postcode", "invalid-format")]
    [InlineData("Jansen", "1234 A", "NL", "postcode", "invalid-format")]
    [InlineData("Jansen", "12345 AB", "NL", "postcode", "invalid-format")]
    [InlineData("Jansen", "AB 1234", "NL", "postcode", "invalid-format")]
    [InlineData("Jansen", "1234 ABC", "NL", "postcode", "invalid-format")]
    [InlineData("Jansen", "1234 AB!", "NL", "postcode", "invalid-characters")]
    [InlineData("Jansen", "1234\u200BAB", "NL", "postcode", "invalid-characters")]
    [InlineData("Jansen", "１２３４ AB", "NL", "postcode", "invalid-characters")]
    [InlineData("Jansen", "\u0661\u0662\u0663\u0664 AB", "NL", "postcode", "invalid-characters")]
    [InlineData("Jansen", "1234\u3164AB", "NL", "postcode", "invalid-characters")]
    [InlineData("Jansen", "123", "BE", "postcode", "invalid-format")]
    [InlineData("Jansen", "12345", "BE", "postcode", "invalid-format")]
    [InlineData("Jansen", "0999", "BE", "postcode", "invalid-format")]
    [InlineData("Jansen", "100A", "BE", "postcode", "invalid-format")]
    [InlineData("Jansen", "1011", "DE", "postcode", "invalid-format")]
    [InlineData("Jansen", "101155", "DE", "postcode", "invalid-format")]
    [InlineData("Jansen", "1", "FR", "postcode", "invalid-format")]
    [InlineData("Jansen", "12345678901", "FR", "postcode", "invalid-format")]
    // Country.
    [InlineData("Jansen", "1234", "XX", "country", "unknown-country")]
    [InlineData("Jansen", "1234", "UK", "country", "unknown-country")]
    [InlineData("Jansen", "1234", "", "country", "required")]
    [InlineData("Jansen", "1234", "  ", "country", "required")]
    [InlineData("Jansen", "1234", null, "country", "required")]
    [InlineData("Jansen", "1234", "NLD", "country", "invalid-format")]
    [InlineData("Jansen", "1234", "N1", "country", "invalid-format")]
    [InlineData("Jansen", "1234", "ÑL", "country", "invalid-format")]
    public void Create_invalid_field_returns_one_error_for_that_field(
        string? name, string? postcode, string? country, string field, string code)
    {
        CompanyIdentityResult result = CompanyIdentity.Create(name, postcode, country);

        Assert.False(result.Succeeded);
        Assert.Null(result.Key);
        CompanyIdentityError error = Assert.Single(result.Errors);
        Assert.Equal(field, error.Field);
        Assert.Equal(code, error.Code);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    // Built in code: attribute arguments cannot carry unpaired surrogates (they arrive as U+FFFD).
    [Theory]
    [InlineData("Jansen", '\uD800', "")]
    [InlineData("", '\uDC00', "Jansen")]
    [InlineData("Jan", '\uDBFF', "sen")]
    public void Create_unpaired_surrogate_is_invalid_characters(string before, char surrogate, string after)
    {
        CompanyIdentityResult result = CompanyIdentity.Create(before + surrogate + after, "1234 AB", "NL");

        CompanyIdentityError error = Assert.Single(result.Errors);
        Assert.Equal(("name", "invalid-characters"), (error.Field, error.Code));
    }

    [Fact]
    public void Create_supplementary_characters_are_not_mistaken_for_surrogates()
    {
        CompanyIdentityResult result = CompanyIdentity.Create("\U0001D400\U0001D401 Bouw \U0001F950", "1234 AB", "NL");

        Assert.Equal("NL:1234AB:ab bouw", result.EnsureValid());
    }

    [Fact]
    public void Create_name_of_200_characters_succeeds()
    {
        CompanyIdentityResult result = CompanyIdentity.Create(new string('a', 200), "1234 AB", "NL");

        Assert.True(result.Succeeded);
        Assert.Equal(200, result.Name.Length);
    }

    [Fact]
    public void Create_name_of_201_characters_is_too_long()
    {
        CompanyIdentityResult result = CompanyIdentity.Create(new string('a', 201), "1234 AB", "NL");

        CompanyIdentityError error = Assert.Single(result.Errors);
        Assert.Equal(("name", "too-long"), (error.Field, error.Code));
    }

    [Fact]
    public void Create_name_that_expands_beyond_the_limit_under_nfkc_is_too_long()
    {
        // U+FDFA ARABIC LIGATURE SALLALLAHOU ALAYHE WASALLAM is one character that NFKC expands to 18.
        string name = string.Concat(Enumerable.Repeat("\uFDFA ", 20)).TrimEnd();

        CompanyIdentityResult result = CompanyIdentity.Create(name, "1234 AB", "NL");

        CompanyIdentityError error = Assert.Single(result.Errors);
        Assert.Equal(("name", "too-long"), (error.Field, error.Code));
    }

    [Fact]
    public void Create_control_character_message_names_the_code_point_and_position()
    {
        CompanyIdentityResult result = CompanyIdentity.Create("Jan\u200Bsen", "1234 AB", "NL");

        Assert.Contains("U+200B", Assert.Single(result.Errors).Message);
        Assert.Contains("position 4", result.Errors[0].Message);
    }

    [Fact]
    public void Create_every_field_invalid_returns_one_error_per_field_in_order()
    {
        CompanyIdentityResult result = CompanyIdentity.Create("BV", "12!", "XX");

        Assert.False(result.Succeeded);
        Assert.Equal(["name", "postcode", "country"], result.Errors.Select(e => e.Field));
        Assert.Null(result.Name);
        Assert.Null(result.Postcode);
        Assert.Null(result.Country);
    }

    [Fact]
    public void Create_unknown_country_validates_postcode_by_the_general_rule()
    {
        CompanyIdentityResult result = CompanyIdentity.Create("Jansen", "1234 AB", "XX");

        Assert.Equal("country", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public void Ensure_valid_valid_input_returns_key()
    {
        string key = CompanyIdentity.Create("Bakkerij Jansen B.V.", "1234 AB", "NL").EnsureValid();

        Assert.Equal("NL:1234AB:bakkerij jansen", key);
    }

    [Fact]
    public void Ensure_valid_invalid_input_throws_argument_exception_naming_the_fields()
    {
        CompanyIdentityResult result = CompanyIdentity.Create(null, "1234 AB", "XX");

        ArgumentException exception = Assert.Throws<ArgumentException>(() => result.EnsureValid());
        Assert.Contains("name (required)", exception.Message);
        Assert.Contains("country (unknown-country)", exception.Message);
        Assert.DoesNotContain("postcode", exception.Message);
    }

    [Fact]
    public void Country_list_holds_the_officially_assigned_codes()
    {
        List<string> codes = [.. CountryCode.AssignedCodes];

        Assert.Equal(249, codes.Count);
        Assert.All(codes, code => Assert.Matches("^[A-Z]{2}$", code));
        Assert.Contains("NL", codes);
        Assert.Contains("EH", codes);
        Assert.DoesNotContain("UK", codes);
        Assert.DoesNotContain("XK", codes);
    }
}
