using System.Net;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Tests.Infrastructure;

namespace Faktum.Licensing.Server.Tests.Http;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Too_many_requests_from_one_address_get_429_with_retry_after()
    {
        await using var server = await ServerFixture.StartAsync(configure: c => c["FaktumServer:RateLimits:PermitsPerAddress"] = "3");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await server.PostAsync("/v1/recoveries", new RecoveryRequest($"user{i}@example.nl", ServerFixture.Product, "install-one-0001"));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal(ProblemTypes.RateLimited, (await ServerFixture.ReadProblemAsync(response)).GetProperty("type").GetString());
                Assert.NotNull(response.Headers.RetryAfter);
            }
        }

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Too_many_requests_for_one_email_get_429()
    {
        await using var server = await ServerFixture.StartAsync(configure: c => c["FaktumServer:RateLimits:PermitsPerEmail"] = "2");

        using var first = await server.PostAsync("/v1/recoveries", new RecoveryRequest("same@example.nl", ServerFixture.Product, "install-one-0001"));
        using var second = await server.PostAsync("/v1/confirmations", new ConfirmationRequest("SAME@example.nl", "ABCDE-FGHJK", "install-one-0001", ServerFixture.Product));
        using var third = await server.PostAsync("/v1/recoveries", new RecoveryRequest("same@example.nl", ServerFixture.Product, "install-one-0001"));
        using var other = await server.PostAsync("/v1/recoveries", new RecoveryRequest("other@example.nl", ServerFixture.Product, "install-one-0001"));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, other.StatusCode);
    }
}
