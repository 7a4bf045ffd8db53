using System.Net;
using System.Net.Http.Json;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Tests.Infrastructure;

namespace Faktum.Licensing.Server.Tests.Security;

/// <summary>F12: X-Forwarded-For is honoured only from proxies or networks named in the configuration (the real
/// process, switched on with ASPNETCORE_FORWARDEDHEADERS_ENABLED as operations.md says).</summary>
public sealed class ForwardedHeadersTests
{
    [Fact]
    public async Task The_forwarded_headers_switch_without_named_proxies_refuses_to_start_with_a_message_naming_the_fix()
    {
        var data = NewDataDirectory();
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ServerProcess.StartAsync(data, new Dictionary<string, string>
        {
            ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true",
        }));

        Assert.Contains("FaktumServer:ForwardedHeaders:KnownProxies", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_spoofed_x_forwarded_for_from_an_unlisted_peer_does_not_change_the_address_the_rate_limiter_uses()
    {
        await using var server = await ServerProcess.StartAsync(NewDataDirectory(), new Dictionary<string, string>
        {
            ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true",
            ["FaktumServer:ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/8",
            ["FaktumServer:RateLimits:PermitsPerAddress"] = "2",
        });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add(await RecoverAsync(server, forwardedFor: $"203.0.113.{i + 1}"));
        }

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task A_listed_proxy_forwards_the_client_address_to_the_rate_limiter()
    {
        await using var server = await ServerProcess.StartAsync(NewDataDirectory(), new Dictionary<string, string>
        {
            ["FaktumServer:ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
            ["FaktumServer:RateLimits:PermitsPerAddress"] = "2",
        });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add(await RecoverAsync(server, forwardedFor: $"203.0.113.{i + 1}"));
        }

        statuses.Add(await RecoverAsync(server, forwardedFor: "203.0.113.1"));
        statuses.Add(await RecoverAsync(server, forwardedFor: "203.0.113.1"));

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], statuses);
    }

    private static async Task<HttpStatusCode> RecoverAsync(ServerProcess server, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/recoveries")
        {
            Content = JsonContent.Create(new RecoveryRequest($"user-{Guid.NewGuid():N}@example.nl", ServerFixture.Product, "install-one-0001"), options: ServerFixture.Json),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await server.Http.SendAsync(request);
        return response.StatusCode;
    }

    private static string NewDataDirectory() => Path.Combine(Path.GetTempPath(), "faktum-server-tests", Guid.NewGuid().ToString("N"), "data");
}
