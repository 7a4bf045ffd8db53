using System.Net;
using System.Net.Sockets;
using System.Text;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Tests.Infrastructure;

namespace Faktum.Licensing.Server.Tests.Http;

/// <summary>F13: the wire is exactly as strict as docs/protocol.md says, and every answer the pipeline writes is typed.</summary>
public sealed class WireStrictnessTests : IAsyncLifetime
{
    private const string Nonce = "bm9uY2Utbm9uY2Utbm9uY2U";

    private ServerFixture _server = null!;

    public async Task InitializeAsync() => _server = await ServerFixture.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string, string, string> LooseBodies => new()
    {
        // (case, path, JSON body)
        { "duplicate startup member", "/v1/startup", $$"""{"license":"a.b.c","license":"d.e.f","appVersion":"1.0.0","channel":"stable","nonce":"{{Nonce}}"}""" },
        { "case-variant startup member", "/v1/startup", $$"""{"License":"a.b.c","appVersion":"1.0.0","channel":"stable","nonce":"{{Nonce}}"}""" },
        { "upper-case startup member", "/v1/startup", $$"""{"license":"a.b.c","APPVERSION":"1.0.0","channel":"stable","nonce":"{{Nonce}}"}""" },
        { "duplicate e-mail", "/v1/recoveries", """{"email":"a@example.nl","email":"b@example.nl","product":"faktum-factuur","installationId":"install-one-0001"}""" },
        { "case-variant e-mail", "/v1/recoveries", """{"Email":"a@example.nl","product":"faktum-factuur","installationId":"install-one-0001"}""" },
        { "duplicate nested member", "/v1/registrations", """{"product":"faktum-factuur","company":{"name":"Bakkerij Jansen B.V.","name":"Bakkerij Pietersen B.V.","postcode":"1234 AB","country":"NL","street":"Dorpsstraat","houseNumber":"12a","city":"Utrecht"},"contact":{"name":"Jan Jansen","phone":null},"email":"a@example.nl","installationId":"install-one-0001"}""" },
        { "case-variant nested member", "/v1/registrations", """{"product":"faktum-factuur","company":{"Name":"Bakkerij Jansen B.V.","postcode":"1234 AB","country":"NL","street":"Dorpsstraat","houseNumber":"12a","city":"Utrecht"},"contact":{"name":"Jan Jansen","phone":null},"email":"a@example.nl","installationId":"install-one-0001"}""" },
    };

    [Theory]
    [MemberData(nameof(LooseBodies))]
    public async Task Duplicate_or_case_variant_members_get_400_malformed_request_and_write_nothing(string @case, string path, string json)
    {
        using var response = await _server.Http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{@case}: {(int)response.StatusCode}");
        Assert.Equal(ProblemTypes.MalformedRequest, (await ServerFixture.ReadProblemAsync(response)).GetProperty("type").GetString());
        Assert.Equal((0, 0, 0, 0), await _server.CountRowsAsync());
        Assert.Empty(_server.MessagesTo("a@example.nl"));
    }

    [Fact]
    public async Task A_body_that_is_not_json_gets_415_with_its_own_problem_type()
    {
        using var response = await _server.Http.PostAsync("/v1/registrations", new StringContent("name=Bakkerij", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var problem = await ServerFixture.ReadProblemAsync(response);
        Assert.Equal("urn:faktum:problem:unsupported-media-type", problem.GetProperty("type").GetString());
        Assert.Equal(415, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_body_that_arrives_too_slowly_gets_408_with_its_own_problem_type()
    {
        // Kestrel's minimum body data rate (240 bytes/s after a 5 s grace period) ends the read: one byte of a promised 500.
        using var client = new TcpClient();
        await client.ConnectAsync(_server.Server.BaseAddress.Host, _server.Server.BaseAddress.Port);
        var stream = client.GetStream();
        var head = $"POST /v1/startup HTTP/1.1\r\nHost: {_server.Server.BaseAddress.Authority}\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{{";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));

        var answer = await ReadAnswerAsync(stream, TimeSpan.FromSeconds(30));

        Assert.StartsWith("HTTP/1.1 408", answer, StringComparison.Ordinal);
        Assert.Contains("application/problem+json", answer, StringComparison.Ordinal);
        Assert.Contains("urn:faktum:problem:request-timeout", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_chunked_body_gets_a_400_problem_body()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(_server.Server.BaseAddress.Host, _server.Server.BaseAddress.Port);
        var stream = client.GetStream();
        var request = $"POST /v1/startup HTTP/1.1\r\nHost: {_server.Server.BaseAddress.Authority}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{{}}\r\n0\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));

        var answer = await ReadAnswerAsync(stream, TimeSpan.FromSeconds(30));

        Assert.StartsWith("HTTP/1.1 400", answer, StringComparison.Ordinal);
        Assert.Contains(ProblemTypes.MalformedRequest, answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kestrel_answers_an_oversized_request_line_itself_before_any_middleware_with_an_empty_414()
    {
        // Documented in docs/security.md: Kestrel writes these answers before the pipeline runs, and offers no hook.
        using var response = await _server.Http.GetAsync("/v1/" + new string('a', 9000));

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    private static async Task<string> ReadAnswerAsync(NetworkStream stream, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var buffer = new byte[8192];
        var text = new StringBuilder();
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(buffer, cancel.Token);
                if (read == 0)
                {
                    break;
                }

                text.Append(Encoding.UTF8.GetString(buffer, 0, read));
                if (text.ToString().Contains('}', StringComparison.Ordinal) || (text.ToString().Contains("\r\n\r\n", StringComparison.Ordinal) && text.ToString().Contains("Content-Length: 0", StringComparison.Ordinal)))
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (IOException)
        {
        }

        return text.ToString();
    }
}
