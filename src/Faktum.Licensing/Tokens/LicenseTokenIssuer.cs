using System.Text;
using System.Text.Json;

namespace Faktum.Licensing.Tokens;

/// <summary>
/// Signs license tokens: compact JWS, header <c>{"alg":"Ed25519","kid":…,"typ":"faktum-license+jwt"}</c>.
/// This is the license server's side; a host app never holds a private key.
/// </summary>
public sealed class LicenseTokenIssuer
{
    private readonly Ed25519SecurityKey _signingKey;

    /// <summary>Initializes a new instance of the <see cref="LicenseTokenIssuer"/> class.</summary>
    /// <param name="signingKey">The private key to sign with; its <c>kid</c> goes into every token.</param>
    /// <exception cref="ArgumentException">The key holds no private key.</exception>
    public LicenseTokenIssuer(Ed25519SecurityKey signingKey)
    {
        ArgumentNullException.ThrowIfNull(signingKey);
        if (!signingKey.CanSign)
        {
            throw new ArgumentException("A license token issuer needs a key with its private key.", nameof(signingKey));
        }

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
        return SignedJwt.Sign(LicenseTokenValidationOptions.LicenseTokenType, WritePayload(claims), _signingKey);
    }

    internal static string WritePayload(LicenseClaims claims)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(LicenseClaimNames.Issuer, claims.Issuer);
            writer.WriteString(LicenseClaimNames.Audience, claims.Product);
            writer.WriteString(LicenseClaimNames.Subject, claims.LicenseId);
            writer.WriteNumber(LicenseClaimNames.IssuedAt, claims.IssuedAt.ToUnixTimeSeconds());
            writer.WriteNumber(LicenseClaimNames.NotBefore, claims.NotBefore.ToUnixTimeSeconds());
            writer.WriteNumber(LicenseClaimNames.Expires, claims.ExpiresAt.ToUnixTimeSeconds());
            writer.WriteString(LicenseClaimNames.TokenId, claims.TokenId);
            writer.WriteString(LicenseClaimNames.Kind, claims.Kind == LicenseKind.Paid ? LicenseClaimNames.KindPaid : LicenseClaimNames.KindTrial);
            if (claims.LicenseEndsAt is { } licenseEnd)
            {
                writer.WriteNumber(LicenseClaimNames.LicenseEnd, licenseEnd.ToUnixTimeSeconds());
            }

            if (claims.UpdatesEndAt is { } updatesEnd)
            {
                writer.WriteNumber(LicenseClaimNames.UpdatesEnd, updatesEnd.ToUnixTimeSeconds());
            }

            writer.WriteStartArray(LicenseClaimNames.Entitlements);
            foreach (var entitlement in claims.Entitlements)
            {
                writer.WriteStringValue(entitlement);
            }

            writer.WriteEndArray();
            writer.WriteStartObject(LicenseClaimNames.Company);
            writer.WriteString(LicenseClaimNames.CompanyName, claims.Company.Name);
            writer.WriteString(LicenseClaimNames.CompanyPostcode, claims.Company.Postcode);
            writer.WriteString(LicenseClaimNames.CompanyCountry, claims.Company.Country);
            writer.WriteString(LicenseClaimNames.CompanyIdentity, claims.Company.IdentityKey);
            writer.WriteEndObject();
            writer.WriteString(LicenseClaimNames.Account, claims.AccountId);
            writer.WriteString(LicenseClaimNames.Installation, claims.InstallationId);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
