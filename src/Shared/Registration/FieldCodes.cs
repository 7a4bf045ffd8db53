namespace Faktum.Licensing.Registration;

/// <summary>
/// The stable codes of a refused field, the same on the server and in the SDK (the company identity's codes are
/// <see cref="Companies.CompanyIdentityErrors"/>: the same strings).
/// </summary>
internal static class FieldCodes
{
    public const string Required = "required";
    public const string TooLong = "too-long";
    public const string InvalidCharacters = "invalid-characters";
    public const string NotAllowed = "not-allowed";
    public const string InvalidFormat = "invalid-format";
    public const string MixedScript = "mixed-script";
    public const string UnknownCountry = "unknown-country";

    /// <summary>The company (its name and postcode) already holds a license: a rule only the server can apply (409, not 400).</summary>
    public const string AlreadyRegistered = "already-registered";

    /// <summary>A number outside its range: the server's admin requests and the count of a start-up call's licenses, never a registration field.</summary>
    public const string OutOfRange = "out-of-range";

    /// <summary>A value of the right shape that does not name anything the request may use (S9: a license id that is not of this account).</summary>
    public const string InvalidValue = "invalid-value";
}
