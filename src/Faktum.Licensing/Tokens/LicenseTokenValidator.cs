using System.Text.Json;

namespace Faktum.Licensing.Tokens;

/// <summary>
/// Validates license tokens offline: signature under a pinned key, algorithm allow-list, type, issuer, product,
/// lifetime against a <see cref="TimeProvider"/>, and the company and installation binding.
/// </summary>
/// <remarks>
/// Every way a token can be wrong becomes a <see cref="LicenseTokenValidationResult"/> with one
/// <see cref="LicenseTokenFailure"/>; only a <see langword="null"/> argument throws. The validator is thread-safe.
/// </remarks>
public sealed class LicenseTokenValidator
{
    private readonly SignedJwt _jwt;
    private readonly string _issuer;
    private readonly string _product;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _clockTolerance;
    private readonly bool _validateLifetime;

    /// <summary>Initializes a new instance of the <see cref="LicenseTokenValidator"/> class.</summary>
    /// <param name="options">What to trust and expect; copied, so later changes have no effect.</param>
    /// <param name="timeProvider">The clock for <c>exp</c> and <c>nbf</c>.</param>
    /// <exception cref="ArgumentException">The options name no issuer, product or trusted key.</exception>
    public LicenseTokenValidator(LicenseTokenValidationOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Issuer, nameof(options));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ProductId, nameof(options));
        if (options.TrustedKeys.Count == 0)
        {
            throw new ArgumentException("Pin at least one trusted Ed25519 public key.", nameof(options));
        }

        _jwt = new SignedJwt(LicenseTokenValidationOptions.LicenseTokenType, options.Issuer, options.ProductId, options.TrustedKeys, options.AllowedAlgorithms, options.MaxTokenLength);
        _issuer = options.Issuer;
        _product = options.ProductId;
        _timeProvider = timeProvider;
        _clockTolerance = options.ClockTolerance;
        _validateLifetime = options.ValidateLifetime;
    }

    /// <summary>
    /// The SDK's own validator (<c>LicensingVerifiers</c>): the defaults of <see cref="LicenseTokenValidationOptions"/> for the
    /// algorithm allow-list and the longest token, over <see cref="PinnedKey"/>s, so that it loads nothing of Microsoft.IdentityModel.
    /// </summary>
    internal LicenseTokenValidator(string issuer, string product, IReadOnlyCollection<PinnedKey> trustedKeys, TimeSpan clockTolerance, bool validateLifetime, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issuer);
        ArgumentException.ThrowIfNullOrWhiteSpace(product);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (trustedKeys.Count == 0)
        {
            throw new ArgumentException("Pin at least one trusted Ed25519 public key.", nameof(trustedKeys));
        }

        _jwt = new SignedJwt(LicenseTokenValidationOptions.LicenseTokenType, issuer, product, trustedKeys, [SigningAlgorithms.Ed25519, SigningAlgorithms.EdDsa], LicenseTokenValidationOptions.DefaultMaxTokenLength);
        _issuer = issuer;
        _product = product;
        _timeProvider = timeProvider;
        _clockTolerance = clockTolerance;
        _validateLifetime = validateLifetime;
    }

    /// <summary>Validates a license token.</summary>
    /// <param name="token">The token in JWS compact form.</param>
    /// <param name="binding">The company and installation the token must be bound to, if any.</param>
    /// <returns>The claims, or the reason the token was refused.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="token"/> is <see langword="null"/>.</exception>
    /// <remarks>Validation is offline and completes synchronously; the result is a completed <see cref="ValueTask{TResult}"/>.</remarks>
    public ValueTask<LicenseTokenValidationResult> ValidateAsync(string token, LicenseBinding? binding = null)
    {
        ArgumentNullException.ThrowIfNull(token);
        return new ValueTask<LicenseTokenValidationResult>(Validate(token, binding));
    }

    /// <summary>As <see cref="ValidateAsync"/>, synchronously (it never waits): the start-up check validates with it.</summary>
    internal LicenseTokenValidationResult Validate(string token, LicenseBinding? binding)
    {
        var (failure, message, payload) = _jwt.Validate(token);
        if (payload is null)
        {
            return LicenseTokenValidationResult.Fail(failure, message!);
        }

        using (payload)
        {
            if (!TryReadClaims(payload.RootElement, _issuer, _product, out var claims, out var missing))
            {
                return LicenseTokenValidationResult.Fail(LicenseTokenFailure.Malformed, $"The claim '{missing}' is missing or has the wrong type.");
            }

            if (_validateLifetime)
            {
                var now = _timeProvider.GetUtcNow();
                if (now >= claims.ExpiresAt + _clockTolerance)
                {
                    return LicenseTokenValidationResult.Fail(LicenseTokenFailure.Expired, "The token has expired.");
                }

                if (now < claims.NotBefore - _clockTolerance)
                {
                    return LicenseTokenValidationResult.Fail(LicenseTokenFailure.NotYetValid, "The token is not valid yet.");
                }
            }

            if (binding?.CompanyIdentityKey is { } company && !string.Equals(company, claims.Company.IdentityKey, StringComparison.Ordinal))
            {
                return LicenseTokenValidationResult.Fail(LicenseTokenFailure.CompanyMismatch, "The token belongs to another company.");
            }

            if (binding?.InstallationId is { } installation && !string.Equals(installation, claims.InstallationId, StringComparison.Ordinal))
            {
                return LicenseTokenValidationResult.Fail(LicenseTokenFailure.InstallationMismatch, "The token is bound to another installation.");
            }

            return LicenseTokenValidationResult.Success(claims);
        }
    }

    /// <summary>Reads the claims of a payload whose <c>iss</c> and <c>aud</c> <see cref="SignedJwt"/> has already matched to
    /// <paramref name="issuer"/> and <paramref name="product"/>: the claims carry those strings rather than copies.</summary>
    internal static bool TryReadClaims(JsonElement root, string issuer, string product, out LicenseClaims claims, out string missing)
    {
        claims = null!;
        missing = string.Empty;
        if (!IsExpectedString(root, LicenseClaimNames.Issuer, issuer, ref missing)
            || !IsExpectedString(root, LicenseClaimNames.Audience, product, ref missing)
            || !TryString(root, LicenseClaimNames.Subject, ref missing, out var subject)
            || !TryString(root, LicenseClaimNames.TokenId, ref missing, out var tokenId)
            || !TryTime(root, LicenseClaimNames.IssuedAt, ref missing, out var issuedAt)
            || !TryTime(root, LicenseClaimNames.NotBefore, ref missing, out var notBefore)
            || !TryTime(root, LicenseClaimNames.Expires, ref missing, out var expires)
            || !TryNonEmptyString(root, LicenseClaimNames.Kind, ref missing, out var kind)
            || !TryString(root, LicenseClaimNames.Account, ref missing, out var account)
            || !TryString(root, LicenseClaimNames.Installation, ref missing, out var installation))
        {
            return false;
        }

        LicenseKind licenseKind;
        if (kind.ValueEquals(LicenseClaimNames.KindTrial))
        {
            licenseKind = LicenseKind.Trial;
        }
        else if (kind.ValueEquals(LicenseClaimNames.KindPaid))
        {
            licenseKind = LicenseKind.Paid;
        }
        else
        {
            missing = LicenseClaimNames.Kind;
            return false;
        }

        if (!TryOptionalTime(root, LicenseClaimNames.LicenseEnd, ref missing, out var licenseEnd)
            || !TryOptionalTime(root, LicenseClaimNames.UpdatesEnd, ref missing, out var updatesEnd))
        {
            return false;
        }

        long generation = 0;
        if (root.TryGetProperty(LicenseClaimNames.Generation, out var counter)
            && (counter.ValueKind != JsonValueKind.Number || !counter.TryGetInt64(out generation) || generation < 0))
        {
            missing = LicenseClaimNames.Generation;
            return false;
        }

        if (!root.TryGetProperty(LicenseClaimNames.Company, out var company) || company.ValueKind != JsonValueKind.Object
            || !TryString(company, LicenseClaimNames.CompanyName, ref missing, out var name)
            || !TryString(company, LicenseClaimNames.CompanyPostcode, ref missing, out var postcode)
            || !TryString(company, LicenseClaimNames.CompanyCountry, ref missing, out var country)
            || !TryString(company, LicenseClaimNames.CompanyIdentity, ref missing, out var identity))
        {
            missing = missing.Length == 0 ? LicenseClaimNames.Company : $"{LicenseClaimNames.Company}.{missing}";
            return false;
        }

        string[] entitlements = [];
        if (root.TryGetProperty(LicenseClaimNames.Entitlements, out var list))
        {
            if (list.ValueKind != JsonValueKind.Array)
            {
                missing = LicenseClaimNames.Entitlements;
                return false;
            }

            entitlements = list.GetArrayLength() == 0 ? [] : new string[list.GetArrayLength()];
            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String)
                {
                    missing = LicenseClaimNames.Entitlements;
                    return false;
                }

                entitlements[index++] = item.GetString()!;
            }
        }

        claims = new LicenseClaims
        {
            Issuer = issuer,
            ProductId = product,
            LicenseId = subject,
            TokenId = tokenId,
            IssuedAt = issuedAt,
            NotBefore = notBefore,
            ExpiresAt = expires,
            Kind = licenseKind,
            LicenseEndsAt = licenseEnd,
            UpdatesEndAt = updatesEnd,
            Entitlements = entitlements,
            Company = new LicensedCompany(name, postcode, country, identity),
            AccountId = account,
            InstallationId = installation,
            Generation = generation,
        };
        return true;
    }

    private static bool TryString(JsonElement element, string name, ref string missing, out string value)
    {
        if (element.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String && property.GetString() is { Length: > 0 } text)
        {
            value = text;
            return true;
        }

        missing = name;
        value = string.Empty;
        return false;
    }

    private static bool IsExpectedString(JsonElement element, string name, string expected, ref string missing)
    {
        if (element.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String && property.ValueEquals(expected))
        {
            return true;
        }

        missing = name;
        return false;
    }

    private static bool TryNonEmptyString(JsonElement element, string name, ref string missing, out JsonElement value)
    {
        if (element.TryGetProperty(name, out value) && value.ValueKind == JsonValueKind.String && !value.ValueEquals(ReadOnlySpan<byte>.Empty))
        {
            return true;
        }

        missing = name;
        return false;
    }

    private static bool TryTime(JsonElement element, string name, ref string missing, out DateTimeOffset value)
    {
        if (element.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.Number
            && property.TryGetInt64(out var seconds) && seconds is >= 0 and <= 253402300799)
        {
            value = DateTimeOffset.FromUnixTimeSeconds(seconds);
            return true;
        }

        missing = name;
        value = default;
        return false;
    }

    private static bool TryOptionalTime(JsonElement element, string name, ref string missing, out DateTimeOffset? value)
    {
        value = null;
        if (!element.TryGetProperty(name, out _))
        {
            return true;
        }

        if (TryTime(element, name, ref missing, out var time))
        {
            value = time;
            return true;
        }

        return false;
    }
}
