using System.Net;
using System.Net.Sockets;
using Faktum.Licensing.Http;
using Faktum.Licensing.Tests.Infrastructure;

namespace Faktum.Licensing.Tests.Http;

/// <summary>
/// The primary handler's own first connection, over real TCP on loopback: it fails exactly as the connection pool fails, it carries
/// the request when it is made (one connection, not two), and a proxied request is left to the pool.
/// </summary>
public sealed class FirstConnectionHandlerTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_refused_first_connection_fails_with_the_exception_the_connection_pool_throws()
    {
        var refusing = LoopbackPeer.Refusing();

        var ours = await FailureOfAsync(new FirstConnectionHandler(new SocketsHttpHandler()), refusing);
        var pool = await FailureOfAsync(new SocketsHttpHandler(), refusing);

        Assert.Equal(HttpRequestError.ConnectionError, ours.HttpRequestError);
        Assert.Equal(SocketError.ConnectionRefused, Assert.IsType<SocketException>(ours.InnerException).SocketErrorCode);
        AssertSameFailure(pool, ours);
        Assert.True(LicenseServerClient.IsConnectionNotEstablished(ours));
    }

    [Fact]
    public async Task A_name_that_does_not_resolve_fails_with_the_exception_the_connection_pool_throws()
    {
        var nowhere = new Uri("http://faktum-licensing-test.invalid:8080/");

        var ours = await FailureOfAsync(new FirstConnectionHandler(new SocketsHttpHandler()), nowhere);
        var pool = await FailureOfAsync(new SocketsHttpHandler(), nowhere);

        AssertSameFailure(pool, ours);
        Assert.Equal(HttpRequestError.NameResolutionError, ours.HttpRequestError);
        Assert.True(LicenseServerClient.IsConnectionNotEstablished(ours));
    }

    [Fact]
    public async Task The_first_connection_carries_the_first_request_and_the_next_request_reuses_it()
    {
        await using var peer = LoopbackPeer.AnsweringOnOneConnection(HttpStatusCode.NoContent);
        using var invoker = new HttpMessageInvoker(new FirstConnectionHandler(new SocketsHttpHandler()));

        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(peer.Uri, "v1/startup")) { Content = new StringContent("{}") };
            using var response = await invoker.SendAsync(request, CancellationToken.None).WaitAsync(HangGuard);
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        Assert.Equal(2, peer.Requests);
        Assert.Equal(1, peer.Accepted);
    }

    [Fact]
    public async Task A_request_through_a_proxy_is_connected_to_the_proxy_not_to_the_server()
    {
        await using var proxy = LoopbackPeer.AnsweringOnOneConnection(HttpStatusCode.NoContent);
        var handler = new SocketsHttpHandler { UseProxy = true, Proxy = new WebProxy(proxy.Uri) { BypassProxyOnLocal = false } };
        using var invoker = new HttpMessageInvoker(new FirstConnectionHandler(handler));

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(LoopbackPeer.Refusing(), "v1/keys"));
        using var response = await invoker.SendAsync(request, CancellationToken.None).WaitAsync(HangGuard);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(1, proxy.Accepted);
    }

    private static void AssertSameFailure(HttpRequestException expected, HttpRequestException actual)
    {
        Assert.Equal(expected.HttpRequestError, actual.HttpRequestError);
        Assert.Equal(expected.Message, actual.Message);
        Assert.Equal(
            Assert.IsType<SocketException>(expected.InnerException).SocketErrorCode,
            Assert.IsType<SocketException>(actual.InnerException).SocketErrorCode);
    }

    private static async Task<HttpRequestException> FailureOfAsync(HttpMessageHandler handler, Uri server)
    {
        using var invoker = new HttpMessageInvoker(handler);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, "v1/startup")) { Content = new StringContent("{}") };
        return await Assert.ThrowsAsync<HttpRequestException>(() => invoker.SendAsync(request, CancellationToken.None).WaitAsync(HangGuard));
    }
}
