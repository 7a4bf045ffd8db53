namespace Faktum.Licensing.Tokens;

/// <summary>Why a signed token was refused. Each failure has exactly one reason: the first check that failed.</summary>
/// <remarks>Checks run in this order: size and structure, header, key, signature, issuer, audience, lifetime, binding.</remarks>
public enum LicenseTokenFailure
{
    /// <summary>The token was accepted.</summary>
    None = 0,

    /// <summary>Not a compact JWS of three canonical base64url segments holding JSON objects without duplicate members,
    /// larger than the size cap, or lacking a required claim.</summary>
    Malformed,

    /// <summary>The header's <c>alg</c> is not on the validator's allow-list (for example <c>none</c> or <c>HS256</c>).</summary>
    UnsupportedAlgorithm,

    /// <summary>The header carries a member we never issue and never honour: <c>crit</c>, <c>jwk</c>, <c>jku</c>, <c>x5u</c>, <c>x5c</c> or any other.</summary>
    UnsupportedHeader,

    /// <summary>The header's <c>kid</c> names no pinned key.</summary>
    UnknownKey,

    /// <summary>The signature does not verify under the pinned key the <c>kid</c> names.</summary>
    BadSignature,

    /// <summary>The token's <c>exp</c> has passed (beyond the clock tolerance).</summary>
    Expired,

    /// <summary>The token's <c>nbf</c> is still in the future (beyond the clock tolerance).</summary>
    NotYetValid,

    /// <summary>The <c>iss</c> is not the expected issuer.</summary>
    WrongIssuer,

    /// <summary>The <c>aud</c> is not the expected product.</summary>
    WrongAudience,

    /// <summary>The header's <c>typ</c> is not the expected token type.</summary>
    WrongType,

    /// <summary>The token belongs to another company than the one expected.</summary>
    CompanyMismatch,

    /// <summary>The token is bound to another installation than the one expected.</summary>
    InstallationMismatch,
}
