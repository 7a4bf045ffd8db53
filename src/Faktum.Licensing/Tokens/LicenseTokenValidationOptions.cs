namespace Faktum.Licensing.Tokens;

/// <summary>What a <see cref="LicenseTokenValidator"/> trusts and expects.</summary>
public sealed class LicenseTokenValidationOptions
{
    /// <summary>The token types (<c>typ</c>) of a license token.</summary>
    public const string LicenseTokenType = "faktum-license+jwt";

    /// <summary>Gets or sets the expected issuer (<c>iss</c>).</summary>
    public required string Issuer { get; set; }

    /// <summary>Gets or sets the expected product id (<c>aud</c>).</summary>
    public required string ProductId { get; set; }

    /// <summary>
    /// Gets the pinned public keys. A token is verified only with the key whose <see cref="Microsoft.IdentityModel.Tokens.SecurityKey.KeyId"/>
    /// equals the token's <c>kid</c>; keys in the token's header are never used. Several keys allow rotation.
    /// </summary>
    public IList<Ed25519SecurityKey> TrustedKeys { get; } = [];

    /// <summary>Gets the accepted <c>alg</c> values.</summary>
    /// <value>"Ed25519" (RFC 9864) and "EdDSA" (RFC 8037). Anything else is refused, whatever the key.</value>
    public ISet<string> AllowedAlgorithms { get; } = new HashSet<string>(StringComparer.Ordinal) { SigningAlgorithms.Ed25519, SigningAlgorithms.EdDsa };

    /// <summary>Gets or sets the tolerance for clock differences when checking <c>exp</c> and <c>nbf</c>.</summary>
    /// <value>Five minutes.</value>
    public TimeSpan ClockTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets a value indicating whether <c>exp</c> and <c>nbf</c> are checked.</summary>
    /// <value><see langword="true"/>. The license server turns this off to tell an expired license from a forged one.</value>
    public bool ValidateLifetime { get; set; } = true;

    /// <summary>Gets or sets the largest token accepted, in characters, checked before anything is parsed.</summary>
    /// <value>4096.</value>
    public int MaxTokenLength { get; set; } = DefaultMaxTokenLength;

    /// <summary>The default of <see cref="MaxTokenLength"/>.</summary>
    internal const int DefaultMaxTokenLength = 4096;
}
