namespace Faktum.Licensing.Tokens;

/// <summary>The claims of a license token. See <c>docs/tokens.md</c> for each claim's name on the wire.</summary>
public sealed record LicenseClaims
{
    /// <summary>Gets the issuer (<c>iss</c>): the license server's base URL or name.</summary>
    public required string Issuer { get; init; }

    /// <summary>Gets the audience (<c>aud</c>): the product id.</summary>
    public required string ProductId { get; init; }

    /// <summary>Gets the license id (<c>sub</c>).</summary>
    public required string LicenseId { get; init; }

    /// <summary>Gets the unique token id (<c>jti</c>).</summary>
    public required string TokenId { get; init; }

    /// <summary>Gets when the token was issued (<c>iat</c>).</summary>
    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>Gets the time before which the token is not valid (<c>nbf</c>).</summary>
    public required DateTimeOffset NotBefore { get; init; }

    /// <summary>Gets the time after which the token is not valid (<c>exp</c>).</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Gets whether this is a trial or a paid license (<c>license_kind</c>).</summary>
    public required LicenseKind Kind { get; init; }

    /// <summary>Gets when the license itself ends (<c>license_end</c>); <see langword="null"/> for a license without end.</summary>
    public DateTimeOffset? LicenseEndsAt { get; init; }

    /// <summary>Gets when the entitlement to updates ends (<c>updates_end</c>); <see langword="null"/> for no end.</summary>
    public DateTimeOffset? UpdatesEndAt { get; init; }

    /// <summary>Gets the product features this license grants (<c>entitlements</c>).</summary>
    public IReadOnlyList<string> Entitlements { get; init; } = [];

    /// <summary>Gets the company as registered (<c>company</c>).</summary>
    public required LicensedCompany Company { get; init; }

    /// <summary>Gets the account id (<c>account</c>).</summary>
    public required string AccountId { get; init; }

    /// <summary>Gets the installation the license is bound to (<c>installation</c>).</summary>
    public required string InstallationId { get; init; }

    /// <summary>
    /// Gets the token's generation (<c>generation</c>): a counter the license server raises each time it issues a token to
    /// this installation, so it can tell a copied data folder from the original (docs/tokens.md). 0 when the claim is absent.
    /// </summary>
    public long Generation { get; init; }
}
