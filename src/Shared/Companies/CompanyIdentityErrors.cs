namespace Faktum.Licensing.Companies;

/// <summary>The stable field names and codes of <see cref="CompanyIdentityError"/>.</summary>
internal static class CompanyIdentityErrors
{
    internal const string NameField = "name";
    internal const string PostcodeField = "postcode";
    internal const string CountryField = "country";

    internal const string Required = "required";
    internal const string InvalidCharacters = "invalid-characters";
    internal const string MixedScript = "mixed-script";
    internal const string InvalidFormat = "invalid-format";
    internal const string TooLong = "too-long";
    internal const string UnknownCountry = "unknown-country";
}
