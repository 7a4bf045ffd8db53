using System.Net;
using System.Net.Http.Json;
using System.Text;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Faktum.Licensing.Server.Tests.Security;

/// <summary>F16: security headers on every answer, no admin routes in the public OpenAPI document, rate limits on the
/// startup check and company corrections, and idempotency records pruned after their retention.</summary>
public sealed class ResponseHardeningTests
{
    public static TheoryData<string, string, bool> Answers => new()
    {
        // (method, path, is an API answer)
        { "GET", "/health", false },
        { "GET", "/.well-known/jwks.json", false },
        { "GET", "/openapi/v1.json", false },
        { "GET", "/v1/nothing-here", true },
        { "POST", "/v1/startup", true },
        { "POST", "/v1/recoveries", true },
        { "POST", "/v1/admin/licenses/lic_x/revoke", true },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task Every_answer_carries_the_security_headers_and_api_answers_are_not_stored(string method, string path, bool api)
    {
        await using var server = await ServerFixture.StartAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using var response = await server.Http.SendAsync(request);

        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Single(response, "Referrer-Policy"));
        Assert.Equal("DENY", Single(response, "X-Frame-Options"));
        Assert.Contains("frame-ancestors 'none'", Single(response, "Content-Security-Policy"), StringComparison.Ordinal);
        if (api)
        {
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{path}: Cache-Control {response.Headers.CacheControl}");
        }
    }

    [Fact]
    public async Task The_public_openapi_document_does_not_list_the_admin_routes()
    {
        await using var server = await ServerFixture.StartAsync();

        var document = await server.Http.GetStringAsync("/openapi/v1.json");

        Assert.Contains("/v1/startup", document, StringComparison.Ordinal);
        Assert.DoesNotContain("/v1/admin", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_many_startup_checks_from_one_address_get_429()
    {
        await using var server = await ServerFixture.StartAsync(configure: c => c["FaktumServer:RateLimits:StartupPermitsPerAddress"] = "3");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await server.PostAsync("/v1/startup", new StartupRequest("not-a-token", "1.0.0", "stable", "bm9uY2Utbm9uY2Utbm9uY2U"));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal(ProblemTypes.RateLimited, (await ServerFixture.ReadProblemAsync(response)).GetProperty("type").GetString());
                Assert.NotNull(response.Headers.RetryAfter);
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Too_many_company_corrections_from_one_address_get_429()
    {
        await using var server = await ServerFixture.StartAsync(configure: c => c["FaktumServer:RateLimits:CompanyCorrectionPermitsPerAddress"] = "2");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await server.Http.PatchAsync("/v1/company", new StringContent("""{"street":"Kerkstraat"}""", Encoding.UTF8, "application/json"));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task An_idempotency_record_is_pruned_once_its_retention_has_passed()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
        await using var server = await ServerFixture.StartAsync(time, configure: c => c["FaktumServer:IdempotencyRetention"] = "02:00:00");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/registrations") { Content = JsonContent.Create(ServerFixture.Registration("idem@example.nl"), options: ServerFixture.Json) };
        request.Headers.Add("Idempotency-Key", "key-0001");
        using var response = await server.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(1, await server.WithDbAsync(db => db.IdempotencyRecords.CountAsync()));

        time.Advance(TimeSpan.FromMinutes(119));
        await Task.Delay(500);
        Assert.Equal(1, await server.WithDbAsync(db => db.IdempotencyRecords.CountAsync()));

        await ServerFixture.WaitUntilAsync(async () =>
        {
            time.Advance(TimeSpan.FromMinutes(1));
            return await server.WithDbAsync(db => db.IdempotencyRecords.CountAsync()) == 0;
        }, "the idempotency record to be pruned");
    }

    private static string Single(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? Assert.Single(values) : throw new Xunit.Sdk.XunitException($"No {name} header on {response.RequestMessage?.RequestUri}.");
}
