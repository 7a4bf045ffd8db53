using Faktum.Licensing.Tokens;
using Microsoft.Extensions.Time.Testing;

namespace Faktum.Licensing.Tests.Tokens;

/// <summary>A small builder for license tokens: keys are made here, in the test process, never read from disk.</summary>
internal sealed class TokenFixture : IDisposable
{
    public const string Issuer = "https://licenses.example.test";
    public const string Product = "faktum-factuur";

    public TokenFixture()
    {
        Key = Ed25519SigningKey.Generate();
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
    }

    public Ed25519SigningKey Key { get; }

    public FakeTimeProvider Time { get; }

    public LicenseClaims Claims(Func<LicenseClaims, LicenseClaims>? change = null)
    {
        var now = Time.GetUtcNow();
        var claims = new LicenseClaims
        {
            Issuer = Issuer,
            ProductId = Product,
            LicenseId = "lic_01",
            TokenId = Guid.NewGuid().ToString("N"),
            IssuedAt = now,
            NotBefore = now,
            ExpiresAt = now.AddDays(30),
            Kind = LicenseKind.Trial,
            LicenseEndsAt = now.AddDays(30),
            UpdatesEndAt = now.AddDays(30),
            Entitlements = ["invoices"],
            Company = new LicensedCompany("Bakkerij Jansen B.V.", "1234 AB", "NL", "NL:1234AB:bakkerij jansen"),
            AccountId = "acc_01",
            InstallationId = "inst_01",
        };
        return change is null ? claims : change(claims);
    }

    public string Issue(Func<LicenseClaims, LicenseClaims>? change = null) => new LicenseTokenIssuer(Key).Issue(Claims(change));

    public LicenseTokenValidator Validator(Action<LicenseTokenValidationOptions>? configure = null)
    {
        var options = new LicenseTokenValidationOptions { Issuer = Issuer, ProductId = Product };
        options.TrustedKeys.Add(Key.PublicKey);
        configure?.Invoke(options);
        return new LicenseTokenValidator(options, Time);
    }

    public void Dispose() => Key.Dispose();
}
