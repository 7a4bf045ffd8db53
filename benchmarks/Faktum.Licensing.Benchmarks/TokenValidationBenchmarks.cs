using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Faktum.Licensing.Tokens;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NSec.Cryptography;

namespace Faktum.Licensing.Benchmarks;

/// <summary>
/// One realistic license token, validated four ways: the raw Ed25519 verification floor, our full validation,
/// and what a user would otherwise pick (IdentityModel with ES256 and RS256).
/// </summary>
[MemoryDiagnoser]
public class TokenValidationBenchmarks
{
    private const string Issuer = "faktum-licensing-server";
    private const string Product = "faktum-factuur";

    private Ed25519SigningKey _key = null!;
    private PublicKey _rawPublicKey = null!;
    private LicenseTokenValidator _validator = null!;
    private LicenseBinding _binding = null!;
    private string _token = null!;
    private byte[] _signingInput = null!;
    private byte[] _signature = null!;
    private JsonWebTokenHandler _handler = null!;
    private string _es256Token = null!;
    private string _rs256Token = null!;
    private TokenValidationParameters _es256Parameters = null!;
    private TokenValidationParameters _rs256Parameters = null!;

    [GlobalSetup]
    public void Setup()
    {
        _key = Ed25519SigningKey.Generate();
        var now = TimeProvider.System.GetUtcNow();
        var claims = new LicenseClaims
        {
            Issuer = Issuer,
            ProductId = Product,
            LicenseId = "lic_3q2v7xk4m1c8p0zr",
            TokenId = Guid.NewGuid().ToString("N"),
            IssuedAt = now,
            NotBefore = now,
            ExpiresAt = now.AddDays(30),
            Kind = LicenseKind.Trial,
            LicenseEndsAt = now.AddDays(30),
            UpdatesEndAt = now.AddDays(365),
            Entitlements = ["invoices", "quotes"],
            Company = new LicensedCompany("Bakkerij Jansen B.V.", "1234 AB", "NL", "NL:1234AB:bakkerij jansen"),
            AccountId = "acc_8d2k5n3w9q1b",
            InstallationId = "inst_Yk3vQ0pL2mN8rT5w",
        };
        _token = new LicenseTokenIssuer(_key).Issue(claims);
        _binding = new LicenseBinding(claims.Company.IdentityKey, claims.InstallationId);
        var options = new LicenseTokenValidationOptions { Issuer = Issuer, ProductId = Product };
        options.TrustedKeys.Add(_key.PublicKey);
        _rawPublicKey = PublicKey.Import(SignatureAlgorithm.Ed25519, _key.PublicKey.ExportPublicKey(), KeyBlobFormat.RawPublicKey);
        _validator = new LicenseTokenValidator(options, TimeProvider.System);

        var cut = _token.LastIndexOf('.');
        _signingInput = Encoding.ASCII.GetBytes(_token[..cut]);
        _signature = System.Buffers.Text.Base64Url.DecodeFromChars(_token.AsSpan(cut + 1));

        _handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        var payload = LicenseTokenPayload.Write(claims);
        var ecdsa = new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = "es" };
        var rsa = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "rs" };
        _es256Token = _handler.CreateToken(payload, new SigningCredentials(ecdsa, SecurityAlgorithms.EcdsaSha256));
        _rs256Token = _handler.CreateToken(payload, new SigningCredentials(rsa, SecurityAlgorithms.RsaSha256));
        _es256Parameters = Parameters(ecdsa, SecurityAlgorithms.EcdsaSha256);
        _rs256Parameters = Parameters(rsa, SecurityAlgorithms.RsaSha256);
    }

    [Benchmark(Baseline = true, Description = "NSec Ed25519 verify (floor)")]
    public bool RawEd25519() => SignatureAlgorithm.Ed25519.Verify(_rawPublicKey, _signingInput, _signature);

    [Benchmark(Description = "Faktum license token validation")]
    public async Task<bool> FaktumValidation() => (await _validator.ValidateAsync(_token, _binding)).Succeeded;

    [Benchmark(Description = "IdentityModel ES256")]
    public async Task<bool> IdentityModelEs256() => (await _handler.ValidateTokenAsync(_es256Token, _es256Parameters)).IsValid;

    [Benchmark(Description = "IdentityModel RS256")]
    public async Task<bool> IdentityModelRs256() => (await _handler.ValidateTokenAsync(_rs256Token, _rs256Parameters)).IsValid;

    [GlobalCleanup]
    public void Cleanup() => _key.Dispose();

    private static TokenValidationParameters Parameters(SecurityKey key, string algorithm) => new()
    {
        IssuerSigningKey = key,
        ValidAlgorithms = [algorithm],
        ValidIssuer = Issuer,
        ValidAudience = Product,
        ValidateLifetime = true,
    };
}
