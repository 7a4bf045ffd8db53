using System.Net;
using System.Text;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Faktum.Licensing.Server.Tests.Security;

/// <summary>F14: an expected outcome (400, 401, 404, 409, 415, 422, 429) is one line at Information — no error, no stack trace.</summary>
public sealed class ExpectedOutcomeLoggingTests : IAsyncLifetime
{
    private ServerFixture _server = null!;

    public async Task InitializeAsync() => _server = await ServerFixture.StartAsync(
        configure: c =>
        {
            c["Logging:LogLevel:Default"] = "Information";
            c["FaktumServer:RateLimits:PermitsPerEmail"] = "2";
        },
        services: s => s.AddLogging(b => b.AddFakeLogging()));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_409_for_a_company_already_registered_logs_one_information_line_without_a_stack_trace()
    {
        using var first = await _server.PostAsync("/v1/registrations", ServerFixture.Registration("owner@example.nl"));
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        _server.WaitForMessagesTo("owner@example.nl");

        var records = await LogOfAsync(() => _server.PostAsync("/v1/registrations", ServerFixture.Registration("other@example.nl")), HttpStatusCode.Conflict);

        AssertOneInformationLine(records);
    }

    [Fact]
    public async Task A_429_logs_one_information_line()
    {
        for (var i = 0; i < 2; i++)
        {
            using var allowed = await _server.PostAsync("/v1/recoveries", new RecoveryRequest("limited@example.nl", ServerFixture.Product, "install-one-0001"));
            Assert.Equal(HttpStatusCode.Accepted, allowed.StatusCode);
        }

        var records = await LogOfAsync(
            () => _server.PostAsync("/v1/recoveries", new RecoveryRequest("limited@example.nl", ServerFixture.Product, "install-one-0001")),
            HttpStatusCode.TooManyRequests);

        AssertOneInformationLine(records);
    }

    public static TheoryData<string, string, string, string?, HttpStatusCode> RefusedRequests => new()
    {
        // (case, method, path, JSON body or null, expected status)
        { "malformed JSON", "POST", "/v1/registrations", "{\"product\":", HttpStatusCode.BadRequest },
        { "invalid field", "POST", "/v1/recoveries", """{"email":"not-an-address","product":"faktum-factuur","installationId":"install-one-0001"}""", HttpStatusCode.BadRequest },
        { "no license token", "PATCH", "/v1/company", """{"street":"Kerkstraat"}""", HttpStatusCode.Unauthorized },
        { "wrong admin key", "POST", "/v1/admin/licenses/lic_x/revoke", null, HttpStatusCode.Unauthorized },
        { "unknown route", "GET", "/v1/nothing-here", null, HttpStatusCode.NotFound },
        { "unknown license", "POST", "/v1/admin/licenses/lic_unknown/suspend", null, HttpStatusCode.NotFound },
        { "not JSON", "POST", "/v1/startup", null, HttpStatusCode.UnsupportedMediaType },
    };

    [Theory]
    [MemberData(nameof(RefusedRequests))]
    public async Task A_refused_request_logs_one_information_line(string @case, string method, string path, string? json, HttpStatusCode expected)
    {
        var records = await LogOfAsync(() =>
        {
            var request = new HttpRequestMessage(new HttpMethod(method), path)
            {
                Content = json is null ? new StringContent("plain text", Encoding.UTF8, "text/plain") : new StringContent(json, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-Api-Key", @case == "wrong admin key" ? "wrong-key-0123456789-0123456789-0123456789" : ServerFixture.AdminKey);
            return _server.Http.SendAsync(request);
        }, expected);

        AssertOneInformationLine(records, @case);
    }

    [Fact]
    public async Task A_422_for_a_reused_idempotency_key_logs_one_information_line()
    {
        using var first = await RegisterAsync("idem@example.nl", "key-0001");
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        _server.WaitForMessagesTo("idem@example.nl");

        var records = await LogOfAsync(() => RegisterAsync("idem-other@example.nl", "key-0001"), HttpStatusCode.UnprocessableEntity);

        AssertOneInformationLine(records);
    }

    private Task<HttpResponseMessage> RegisterAsync(string email, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/registrations") { Content = System.Net.Http.Json.JsonContent.Create(ServerFixture.Registration(email), options: ServerFixture.Json) };
        request.Headers.Add("Idempotency-Key", key);
        return _server.Http.SendAsync(request);
    }

    /// <summary>The records one request writes (the mail outbox, which runs on its own, left out).</summary>
    private async Task<IReadOnlyList<FakeLogRecord>> LogOfAsync(Func<Task<HttpResponseMessage>> send, HttpStatusCode expected)
    {
        var collector = _server.Server.Services.GetFakeLogCollector();
        collector.Clear();
        using (var response = await send())
        {
            Assert.Equal(expected, response.StatusCode);
        }

        // The line may be written just after the answer left: wait for it, then a little longer for any that follow.
        await ServerFixture.WaitUntilAsync(() => Task.FromResult(Relevant(collector.GetSnapshot()).Count > 0), "a log line", 10_000);
        await Task.Delay(300);
        return Relevant(collector.GetSnapshot());

        static List<FakeLogRecord> Relevant(IReadOnlyList<FakeLogRecord> records) =>
            records.Where(r => r.Category?.StartsWith("Faktum.Licensing.Server.Email", StringComparison.Ordinal) != true).ToList();
    }

    private static void AssertOneInformationLine(IReadOnlyList<FakeLogRecord> records, string? @case = null)
    {
        var described = string.Join(Environment.NewLine, records.Select(r => $"{r.Level} {r.Category}[{r.Id}]: {r.Message} {r.Exception}"));
        Assert.True(records.Count == 1, $"{@case}: expected one line, got {records.Count}:{Environment.NewLine}{described}");
        Assert.Equal(LogLevel.Information, records[0].Level);
        Assert.Null(records[0].Exception);
        Assert.DoesNotContain("   at ", records[0].Message, StringComparison.Ordinal);
    }
}
