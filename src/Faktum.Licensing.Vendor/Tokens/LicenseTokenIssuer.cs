namespace Faktum.Licensing.Tokens;

/// <summary>
/// Signs license tokens: compact JWS, header <c>{"alg":"Ed25519","kid":…,"typ":"faktum-license+jwt"}</c>.
/// This is the vendor's side (the license server, or a vendor's own tooling); a host app never holds a private key and
/// verifies with <see cref="LicenseTokenValidator"/> from the Faktum.Licensing package.
/// </summary>
public sealed class LicenseTokenIssuer
{
    private readonly Ed25519SigningKey _signingKey;

    /// <summary>Initializes a new instance of the <see cref="LicenseTokenIssuer"/> class.</summary>
    /// <param name="signingKey">The private key to sign with; its <c>kid</c> goes into every token.</param>
    public LicenseTokenIssuer(Ed25519SigningKey signingKey)
    {
        ArgumentNullException.ThrowIfNull(signingKey);
        _signingKey = signingKey;
    }

    /// <summary>Gets the <c>kid</c> of the signing key.</summary>
    public string KeyId => _signingKey.KeyId;

    /// <summary>Creates a signed license token.</summary>
    /// <param name="claims">The claims to sign.</param>
    /// <returns>The token in JWS compact form.</returns>
    public string Issue(LicenseClaims claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        return JwsSigner.Sign(LicenseTokenValidationOptions.LicenseTokenType, LicenseTokenPayload.Write(claims), _signingKey);
    }
}
