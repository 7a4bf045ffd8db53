using System.Text.Json;
using Faktum.Licensing.Http;
using Faktum.Licensing.Protocol;

namespace Faktum.Licensing.Tests.Protocol;

/// <summary>The start-up request written by hand is, byte for byte, what the wire contract's serializer writes.</summary>
public sealed class StartupRequestJsonTests
{
    public static TheoryData<int> Cases => new(Enumerable.Range(0, Requests.Length));

    private static StartupRequest[] Requests =>
    [
        new StartupRequest("eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJsaWNfMSJ9.c2ln", "2.3.1", "stable", "bm9uY2U"),
        new StartupRequest("eyJ.e30.c2ln", "2.3.1", null, "bm9uY2U"),
        new StartupRequest(null, "2.4.0-beta.1+build.7", "beta", "bm9uY2U", ["eyJ.a.b", "eyJ.c.d", "eyJ.e.f"]),
        new StartupRequest(null, "1.0.0", "stable", "bm9uY2U", []),
        new StartupRequest(null, null, null, null),
        new StartupRequest("<token> & \"quotes\" \\ \u2028 é ü مخبز \ud83d\ude00", "1.0.0 <b>", "kanaal/ß", "+/="),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_written_body_is_what_the_serializer_writes(int index)
    {
        var request = Requests[index];
        var expected = JsonSerializer.SerializeToUtf8Bytes(request, ProtocolJsonContext.Default.StartupRequest);

        var written = StartupRequestJson.Write(request);

        Assert.Equal(System.Text.Encoding.UTF8.GetString(expected), System.Text.Encoding.UTF8.GetString(written));
    }

    [Fact]
    public void Twenty_five_licenses_are_written_in_their_order()
    {
        var tokens = Enumerable.Range(1, StartupRequest.MaxLicenses).Select(i => $"eyJ.{i}.sig").ToArray();

        using var body = JsonDocument.Parse(StartupRequestJson.Write(new StartupRequest(null, "2.3.1", "stable", "bm9uY2U", tokens)));

        Assert.Equal(tokens, body.RootElement.GetProperty("licenses").EnumerateArray().Select(token => token.GetString()));
        Assert.Equal(["appVersion", "channel", "nonce", "licenses"], body.RootElement.EnumerateObject().Select(member => member.Name));
    }
}
