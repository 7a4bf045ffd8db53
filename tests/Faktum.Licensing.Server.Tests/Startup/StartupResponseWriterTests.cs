using System.Buffers.Text;
using System.Text.Json;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Keys;
using Faktum.Licensing.Server.Startup;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Faktum.Licensing.Server.Tests.Startup;

public sealed class StartupResponseWriterTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "faktum-server-tests", Guid.NewGuid().ToString("N"));
    private readonly SigningKeyRing _keys;
    private readonly StartupResponseWriter _writer;

    public StartupResponseWriterTests()
    {
        _keys = SigningKeyRing.Load([], [], _root, NullLogger.Instance);
        _writer = new StartupResponseWriter(Options.Create(new FaktumServerOptions { Issuer = "test-issuer" }), _keys, new FakeTimeProvider(Now));
    }

    [Fact]
    public void An_unknown_verdict_carries_only_the_protocol_claims_with_updates_null_and_is_signed_by_the_signing_key()
    {
        var (header, payload) = Decode(_writer.Sign(StartupResponse.Unknown("faktum-factuur", "bm9uY2Utbm9uY2Utbm9uY2U")));

        Assert.Equal(StartupResponseClaimNames.TokenType, header.GetProperty("typ").GetString());
        Assert.Equal(_keys.Signing.KeyId, header.GetProperty("kid").GetString());
        Assert.Equal(
            ["iss", "aud", "iat", "exp", "nonce", "server_time", "verdict", "updates"],
            payload.EnumerateObject().Select(p => p.Name));
        Assert.Equal("test-issuer", payload.GetProperty("iss").GetString());
        Assert.Equal("faktum-factuur", payload.GetProperty("aud").GetString());
        Assert.Equal(Now.ToUnixTimeSeconds(), payload.GetProperty("server_time").GetInt64());
        Assert.Equal(Now.AddMinutes(5).ToUnixTimeSeconds(), payload.GetProperty("exp").GetInt64());
        Assert.Equal("unknown", payload.GetProperty("verdict").GetString());
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("updates").ValueKind);
    }

    [Fact]
    public void A_trial_verdict_carries_its_days_left_the_refreshed_license_and_the_company()
    {
        var company = new CompanyProfileDto("Bakkerij Jansen B.V.", "1234 AB", "NL", "Dorpsstraat", "12a", "Utrecht", "Jan", null, "jan@example.nl");
        var response = new StartupResponse("faktum-factuur", "bm9uY2Utbm9uY2Utbm9uY2U", new StartupVerdict(LicenseVerdict.Trial, 12), "a.b.c", company);

        var (_, payload) = Decode(_writer.Sign(response));

        Assert.Equal("trial", payload.GetProperty("verdict").GetString());
        Assert.Equal(12, payload.GetProperty("trial_days_left").GetInt32());
        Assert.Equal("a.b.c", payload.GetProperty("license").GetString());
        Assert.Equal("Bakkerij Jansen B.V.", payload.GetProperty("company").GetProperty("name").GetString());
        Assert.Equal("jan@example.nl", payload.GetProperty("company").GetProperty("email").GetString());
    }

    public void Dispose()
    {
        _keys.Dispose();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static (JsonElement Header, JsonElement Payload) Decode(string jws)
    {
        var parts = jws.Split('.');
        Assert.Equal(3, parts.Length);
        return (JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0])).RootElement, JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1])).RootElement);
    }
}
