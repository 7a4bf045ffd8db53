using System.Text;
using System.Text.Json;

namespace Faktum.Licensing.Tokens;

/// <summary>
/// Writes the payload of a license token from its claims, member by member in a fixed order (docs/tokens.md). The SDK's
/// <see cref="LicenseTokenValidator"/> reads it back; the vendor's <c>LicenseTokenIssuer</c> signs it.
/// </summary>
internal static class LicenseTokenPayload
{
    /// <summary>Writes <paramref name="claims"/> as the compact JSON payload.</summary>
    /// <param name="claims">The claims.</param>
    /// <returns>The payload JSON.</returns>
    public static string Write(LicenseClaims claims)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(LicenseClaimNames.Issuer, claims.Issuer);
            writer.WriteString(LicenseClaimNames.Audience, claims.ProductId);
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
            if (claims.Generation > 0)
            {
                writer.WriteNumber(LicenseClaimNames.Generation, claims.Generation);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
