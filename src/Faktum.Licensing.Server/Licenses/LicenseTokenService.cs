using System.Text.Json;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Keys;
using Faktum.Licensing.Server.Storage;
using Faktum.Licensing.Tokens;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Server.Licenses;

/// <summary>Issues and checks the server's license tokens (the start-up response is signed by <c>Startup/StartupResponseWriter</c>).</summary>
internal sealed class LicenseTokenService
{
    private readonly FaktumServerOptions _options;
    private readonly SigningKeyRing _keys;
    private readonly TimeProvider _time;
    private readonly LicenseTokenIssuer _issuer;
    private readonly Dictionary<string, LicenseTokenValidator> _anyLifetime = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LicenseTokenValidator> _current = new(StringComparer.Ordinal);

    public LicenseTokenService(IOptions<FaktumServerOptions> options, SigningKeyRing keys, TimeProvider time)
    {
        _options = options.Value;
        _keys = keys;
        _time = time;
        _issuer = new LicenseTokenIssuer(keys.Signing);
        foreach (var product in _options.EffectiveProducts)
        {
            _anyLifetime[product] = Validator(product, validateLifetime: false);
            _current[product] = Validator(product, validateLifetime: true);
        }
    }

    public IReadOnlyList<string> Products => _options.EffectiveProducts;

    public string DefaultProduct => _options.EffectiveProducts[0];

    public bool IsProduct(string? product) => product is not null && _anyLifetime.ContainsKey(product);

    /// <summary>Issues a license token for one installation.</summary>
    /// <param name="license">The license.</param>
    /// <param name="company">Its company.</param>
    /// <param name="installationId">The installation it is bound to.</param>
    /// <param name="generation">The token's generation (copy detection, <c>Copies/</c>); 0 writes none.</param>
    public string Issue(License license, Company company, string installationId, long generation = 0)
    {
        var now = _time.GetUtcNow();
        return _issuer.Issue(new LicenseClaims
        {
            Issuer = _options.Issuer,
            ProductId = license.Product,
            LicenseId = license.Id,
            TokenId = Ids.New("tok"),
            IssuedAt = now,
            NotBefore = now,
            ExpiresAt = now + _options.LicenseTokenLifetime,
            Kind = license.Kind == StoredLicenseKind.Paid ? LicenseKind.Paid : LicenseKind.Trial,
            LicenseEndsAt = license.Kind == StoredLicenseKind.Paid ? license.LicenseEndsAt : license.TrialEndsAt,
            UpdatesEndAt = license.UpdatesEndAt,
            Company = new LicensedCompany(company.Name, company.Postcode, company.Country, company.IdentityKey),
            AccountId = company.AccountId,
            InstallationId = installationId,
            Generation = generation,
            Entitlements = EntitlementsOf(license),
        });
    }

    /// <summary>What the license grants: what the vendor set, else (trials only) the product's configured trial default.</summary>
    public IReadOnlyList<string> EntitlementsOf(License license)
    {
        ArgumentNullException.ThrowIfNull(license);
        return license.Entitlements is not null ? EntitlementNames.Read(license.Entitlements)
            : license.Kind == StoredLicenseKind.Trial && _options.TrialEntitlements.TryGetValue(license.Product, out var defaults) ? [.. defaults.Distinct(StringComparer.Ordinal)]
            : [];
    }

    /// <summary>Validates a token of any of our products; <paramref name="checkLifetime"/> off tells an expired license from a forged one.</summary>
    public async ValueTask<LicenseTokenCheck> ValidateAsync(string token, bool checkLifetime)
    {
        var product = PeekAudience(token);
        if (product is null || !_anyLifetime.ContainsKey(product))
        {
            return LicenseTokenCheck.OfForeignProduct;
        }

        var validator = checkLifetime ? _current[product] : _anyLifetime[product];
        return LicenseTokenCheck.From(await validator.ValidateAsync(token).ConfigureAwait(false));
    }

    /// <summary>Reads <c>aud</c> without trusting it: only to pick which product's validator checks the token.</summary>
    public static string? PeekAudience(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || parts[1].Length > 8192)
        {
            return null;
        }

        try
        {
            using var payload = JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]));
            return payload.RootElement.ValueKind == JsonValueKind.Object
                && payload.RootElement.TryGetProperty("aud", out var aud) && aud.ValueKind == JsonValueKind.String
                ? aud.GetString()
                : null;
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            return null;
        }
    }

    public static CompanyProfileDto Profile(Company company, Account account) => new(
        company.Name, company.Postcode, company.Country, company.Street, company.HouseNumber, company.City,
        company.ContactName, company.Phone, account.Email);

    private LicenseTokenValidator Validator(string product, bool validateLifetime)
    {
        var options = new LicenseTokenValidationOptions { Issuer = _options.Issuer, ProductId = product, ValidateLifetime = validateLifetime };
        foreach (var key in _keys.PublicKeys)
        {
            options.TrustedKeys.Add(key);
        }

        return new LicenseTokenValidator(options, _time);
    }
}
