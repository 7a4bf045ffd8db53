namespace Faktum.Licensing.Tokens;

/// <summary>The JSON member names of a license token's payload and the token types we issue.</summary>
internal static class LicenseClaimNames
{
    public const string Issuer = "iss";
    public const string Audience = "aud";
    public const string Subject = "sub";
    public const string IssuedAt = "iat";
    public const string NotBefore = "nbf";
    public const string Expires = "exp";
    public const string TokenId = "jti";
    public const string Kind = "license_kind";
    public const string LicenseEnd = "license_end";
    public const string UpdatesEnd = "updates_end";
    public const string Entitlements = "entitlements";
    public const string Company = "company";
    public const string CompanyName = "name";
    public const string CompanyPostcode = "postcode";
    public const string CompanyCountry = "country";
    public const string CompanyIdentity = "identity";
    public const string Account = "account";
    public const string Installation = "installation";
    public const string Generation = "generation";

    public const string KindTrial = "trial";
    public const string KindPaid = "paid";
}
