using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Tests.Infrastructure;

namespace Faktum.Licensing.Server.Tests.Security;

/// <summary>F4: nobody can lock the owner of an address out, by wrong guesses from elsewhere or by filling its rate limit.</summary>
public sealed class F4TargetedLockoutTests
{
    [Theory]
    [BothStorageProviders]
    public async Task Wrong_guesses_from_another_installation_do_not_void_the_pending_password(StorageProvider provider)
    {
        await using var server = await ServerFixture.StartAsync(provider: provider);
        await server.RegisterAndConfirmAsync("victim@example.nl");
        using var recovery = await server.PostAsync("/v1/recoveries", new RecoveryRequest("victim@example.nl", ServerFixture.Product, "install-new-0002"));
        var password = server.ReadOneTimePassword("victim@example.nl", count: 2);

        for (var i = 0; i < 10; i++)
        {
            using var guess = await server.PostAsync("/v1/confirmations", new ConfirmationRequest("victim@example.nl", "ABCDE-FGHJK", "install-atk-0003", ServerFixture.Product));
            Assert.Equal(HttpStatusCode.BadRequest, guess.StatusCode);
            Assert.Equal(ProblemTypes.OneTimePasswordInvalid, (await ServerFixture.ReadProblemAsync(guess)).GetProperty("type").GetString());
        }

        await server.ConfirmAsync("victim@example.nl", password, "install-new-0002");
    }

    [Fact]
    public async Task Requests_from_another_client_address_do_not_use_up_the_owners_per_email_limit()
    {
        await using var server = await ServerFixture.StartAsync(configure: c => c["FaktumServer:RateLimits:PermitsPerEmail"] = "2");
        using var attacker = ClientFrom(IPAddress.Parse("127.0.0.2"), server.Http.BaseAddress!);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await attacker.PostAsJsonAsync("/v1/recoveries", new RecoveryRequest("victim@example.nl", ServerFixture.Product, "install-atk-0003"), ServerFixture.Json);
            statuses.Add(response.StatusCode);
        }

        using var owner = await server.PostAsync("/v1/recoveries", new RecoveryRequest("victim@example.nl", ServerFixture.Product, "install-one-0001"));

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.Accepted, owner.StatusCode);
    }

    /// <summary>A client whose connections come from <paramref name="local"/> (any 127/8 address is loopback on Linux).</summary>
    private static HttpClient ClientFrom(IPAddress local, Uri baseAddress) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(local, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    { BaseAddress = baseAddress };
}
