using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Tokens;
using Microsoft.Extensions.Time.Testing;

namespace Faktum.Licensing.Tests.Infrastructure;

/// <summary>
/// A stub of the /v1 protocol behind an <see cref="HttpMessageHandler"/>: keys are made and responses minted here, in the test.
/// It stands in for the reference server where the real one cannot produce the case (replays, foreign keys, garbled or
/// oversize bodies, timeouts), and until the real server has landed.
/// </summary>
internal sealed class FakeLicenseServer : HttpMessageHandler
{
    public const string Issuer = FaktumLicensingOptions.DefaultIssuer;
    public const string Product = "faktum-factuur";

    public FakeLicenseServer(FakeTimeProvider time)
    {
        Time = time;
        Key = Ed25519SigningKey.Generate();
    }

    public FakeTimeProvider Time { get; }

    public Ed25519SigningKey Key { get; }

    public List<CapturedRequest> Requests { get; } = [];

    public string Verdict { get; set; } = LicenseVerdictNames.Trial;

    public LicenseKind Kind { get; set; } = LicenseKind.Trial;

    public TimeSpan ServerClockOffset { get; set; }

    /// <summary>Changes the startup payload before it is signed.</summary>
    public Action<JsonObject>? EditStartupPayload { get; set; }

    /// <summary>Signs startup responses with this key instead of <see cref="Key"/>.</summary>
    public Ed25519SigningKey? StartupSigningKey { get; set; }

    /// <summary>Answers instead of the protocol logic when it returns a response.</summary>
    public Func<CapturedRequest, Task<HttpResponseMessage?>>? Intercept { get; set; }

    public string? LastStartupResponse { get; private set; }

    public string? InstallationId { get; private set; }

    public CompanyProfileJson Company { get; set; } = new();

    public int Count(string path) => Requests.Count(r => r.Path == path);

    public string IssueLicense(string installationId, Func<LicenseClaims, LicenseClaims>? change = null)
    {
        var now = Time.GetUtcNow();
        var claims = new LicenseClaims
        {
            Issuer = Issuer,
            ProductId = Product,
            LicenseId = "lic_0001",
            TokenId = Guid.NewGuid().ToString("N"),
            IssuedAt = now + ServerClockOffset,
            NotBefore = now + ServerClockOffset,
            ExpiresAt = now + ServerClockOffset + TimeSpan.FromDays(60),
            Kind = Kind,
            LicenseEndsAt = Kind == LicenseKind.Trial ? now + TimeSpan.FromDays(30) : null,
            Company = new LicensedCompany(Company.name, Company.postcode, Company.country, "NL:1234AB:bakkerij jansen"),
            AccountId = "acc_0001",
            InstallationId = installationId,
        };
        return new LicenseTokenIssuer(Key).Issue(change is null ? claims : change(claims));
    }

    public string MintStartupResponse(string nonce, Action<JsonObject>? edit = null, Ed25519SigningKey? key = null)
    {
        var now = Time.GetUtcNow() + ServerClockOffset;
        var payload = new JsonObject
        {
            ["iss"] = Issuer,
            ["aud"] = Product,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddMinutes(5).ToUnixTimeSeconds(),
            ["nonce"] = nonce,
            ["server_time"] = now.ToUnixTimeSeconds(),
            ["verdict"] = Verdict,
            ["company"] = JsonSerializer.SerializeToNode(Company),
            ["updates"] = null,
        };
        if (Verdict == LicenseVerdictNames.Trial)
        {
            payload["trial_days_left"] = 30;
        }

        if (Verdict is LicenseVerdictNames.Trial or LicenseVerdictNames.Licensed && InstallationId is not null)
        {
            payload["license"] = IssueLicense(InstallationId);
        }

        edit?.Invoke(payload);
        return JwsSigner.Sign(StartupResponseClaimNames.TokenType, payload.ToJsonString(), key ?? Key);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var captured = new CapturedRequest(request.Method.Method, request.RequestUri!.AbsolutePath, headers, body) { Aborted = cancellationToken };
        lock (Requests)
        {
            Requests.Add(captured);
        }

        if (Intercept is not null && await Intercept(captured) is { } intercepted)
        {
            return intercepted;
        }

        using var json = body.Length == 0 ? null : JsonDocument.Parse(body);
        switch (captured.Path)
        {
            case "/v1/registrations":
            case "/v1/recoveries":
                InstallationId = json!.RootElement.GetProperty("installationId").GetString();
                return Json(HttpStatusCode.Accepted, """{"status":"accepted","message":"If the address is right, a one-time password is on its way."}""");
            case "/v1/confirmations":
                if (json!.RootElement.GetProperty("oneTimePassword").GetString() != "123456")
                {
                    return Problem(HttpStatusCode.BadRequest, ProblemTypes.OneTimePasswordInvalid);
                }

                InstallationId = json.RootElement.GetProperty("installationId").GetString();
                return Json(HttpStatusCode.OK, JsonSerializer.Serialize(new { license = IssueLicense(InstallationId!), company = Company }));
            case "/.well-known/jwks.json":
                return Json(HttpStatusCode.OK, $$"""{"keys":[{{Key.PublicKey.ExportJwk()}}]}""");
            case "/v1/startup":
                var nonce = json!.RootElement.GetProperty("nonce").GetString()!;
                LastStartupResponse = MintStartupResponse(nonce, EditStartupPayload, StartupSigningKey);
                return Json(HttpStatusCode.OK, JsonSerializer.Serialize(new { response = LastStartupResponse }));
            case "/v1/company":
                var postcode = json!.RootElement.TryGetProperty("postcode", out var p) ? p.GetString()! : Company.postcode;
                Company = Company with { postcode = postcode };
                return Json(HttpStatusCode.OK, JsonSerializer.Serialize(new { license = IssueLicense(InstallationId!), company = Company }));
            default:
                return Problem(HttpStatusCode.NotFound, ProblemTypes.NotFound);
        }
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Problem(HttpStatusCode status, string type, string? extra = null)
    {
        var body = $$"""{"type":"{{type}}","title":"refused","status":{{(int)status}}{{extra}}}""";
        return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/problem+json") };
    }

    protected override void Dispose(bool disposing)
    {
        // Shared by every handler chain the factory builds; HttpMessageHandler itself holds nothing to release.
        base.Dispose(disposing);
    }
}

internal sealed record CapturedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>Cancelled when the client gives up (a timeout), as a real connection would be.</summary>
    public CancellationToken Aborted { get; init; }
}

#pragma warning disable IDE1006, SA1300 // wire names
internal sealed record CompanyProfileJson(
    string name = "Bakkerij Jansen B.V.",
    string postcode = "1234 AB",
    string country = "NL",
    string street = "Dorpsstraat",
    string houseNumber = "1",
    string city = "Ons Dorp",
    string contactName = "J. Jansen",
    string? phone = null,
    string email = "info@bakkerij-jansen.example");
#pragma warning restore IDE1006, SA1300
