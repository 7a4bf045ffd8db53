using System.Net;
using System.Text;
using System.Text.Json;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Tests.Infrastructure;

namespace Faktum.Licensing.Server.Tests.Http;

public sealed class BadInputTests : IAsyncLifetime
{
    private ServerFixture _server = null!;

    public async Task InitializeAsync() => _server = await ServerFixture.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string, string, string> InvalidRegistrations => new()
    {
        // (case, JSON body, field expected in errors)
        { "missing company", """{"product":"faktum-factuur","contact":{"name":"Jan"},"email":"a@example.nl","installationId":"install-one-0001"}""", "company" },
        { "missing e-mail", Body(email: null), "email" },
        { "invalid e-mail", Body(email: "not-an-address"), "email" },
        { "e-mail with SQL", Body(email: "a@example.nl' OR '1'='1"), "email" },
        { "invalid postcode", Body(postcode: "12345"), "company.postcode" },
        { "postcode with SQL", Body(postcode: "1234 AB; DROP TABLE Companies"), "company.postcode" },
        { "missing name", Body(name: null), "company.name" },
        { "control character in name", Body(name: "Bakkerij\u0007 Jansen"), "company.name" },
        { "tab in name", Body(name: "Bakkerij\tJansen"), "company.name" },
        { "zero-width space in name", Body(name: "Bakkerij\u200BJansen"), "company.name" },
        { "right-to-left override in name", Body(name: "Bakkerij \u202EnesnaJ"), "company.name" },
        { "zero-width joiner in street", Body(street: "Dorps\u200Dstraat"), "company.street" },
        { "missing city", Body(city: null), "company.city" },
        { "bad installation id", Body(installationId: "x"), "installationId" },
        { "phone with letters", Body(phone: "call me"), "contact.phone" },
    };

    [Theory]
    [MemberData(nameof(InvalidRegistrations))]
    public async Task An_invalid_registration_gets_400_with_the_field_error_and_writes_nothing(string @case, string json, string field)
    {
        using var response = await PostRawAsync("/v1/registrations", json);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, @case);
        var problem = await ServerFixture.ReadProblemAsync(response);
        Assert.Equal(ProblemTypes.ValidationFailed, problem.GetProperty("type").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"{@case}: no error for {field} in {problem}");
        Assert.True(messages.GetArrayLength() > 0);
        Assert.Equal((0, 0, 0, 0), await _server.CountRowsAsync());
        Assert.Empty(_server.MessagesTo("a@example.nl"));
    }

    [Theory]
    [InlineData("/v1/registrations", "{\"product\":")]
    [InlineData("/v1/registrations", "[1,2,3]")]
    [InlineData("/v1/registrations", "{\"product\":\"faktum-factuur\",\"company\":\"not an object\"}")]
    [InlineData("/v1/registrations", "null")]
    [InlineData("/v1/recoveries", "not json at all")]
    [InlineData("/v1/confirmations", "{\"email\":1}")]
    [InlineData("/v1/startup", "{\"license\":\"x\",")]
    public async Task Malformed_json_gets_400_malformed_request(string path, string json)
    {
        using var response = await PostRawAsync(path, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ServerFixture.ReadProblemAsync(response);
        Assert.Equal(ProblemTypes.MalformedRequest, problem.GetProperty("type").GetString());
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.False(problem.TryGetProperty("exception", out _));
        Assert.DoesNotContain("   at ", problem.ToString(), StringComparison.Ordinal);
        Assert.Equal((0, 0, 0, 0), await _server.CountRowsAsync());
    }

    [Fact]
    public async Task An_oversize_body_gets_413()
    {
        var json = Body(name: "Bakkerij " + new string('a', 40_000));
        using var response = await PostRawAsync("/v1/registrations", json);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await ServerFixture.ReadProblemAsync(response);
        Assert.Equal(ProblemTypes.RequestTooLarge, problem.GetProperty("type").GetString());
        Assert.Equal((0, 0, 0, 0), await _server.CountRowsAsync());
    }

    [Fact]
    public async Task An_oversize_body_without_content_length_gets_413()
    {
        var bytes = Encoding.UTF8.GetBytes(Body(name: "Bakkerij " + new string('a', 40_000)));
        using var content = new StreamContent(new MemoryStream(bytes));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/registrations") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await _server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task The_startup_body_accepts_exactly_the_members_of_the_contract()
    {
        using var extra = await PostRawAsync("/v1/startup",
            """{"license":"a.b.c","appVersion":"1.0.0","channel":"stable","nonce":"bm9uY2Utbm9uY2Utbm9uY2U","machineName":"PC-01"}""");

        Assert.Equal(HttpStatusCode.BadRequest, extra.StatusCode);
        var problem = await ServerFixture.ReadProblemAsync(extra);
        Assert.Equal(ProblemTypes.MalformedRequest, problem.GetProperty("type").GetString());

        // The wire contract itself: StartupRequest has exactly these members (I4); "licenses" replaces "license" on an
        // installation with several (S9).
        var members = typeof(StartupRequest).GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).Order(StringComparer.Ordinal);
        Assert.Equal(["appVersion", "channel", "license", "licenses", "nonce"], members);
    }

    [Theory]
    [InlineData("short", "nonce")]
    [InlineData("has spaces in it but long enough", "nonce")]
    [InlineData(null, "nonce")]
    public async Task A_bad_startup_nonce_gets_400_with_a_field_error(string? nonce, string field)
    {
        using var response = await _server.PostAsync("/v1/startup", new StartupRequest("a.b.c", "1.0.0", "stable", nonce));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ServerFixture.ReadProblemAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task A_garbage_license_at_startup_gets_verdict_unknown()
    {
        var payload = await _server.StartupAsync("not-a-token");
        Assert.Equal("unknown", payload.GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task An_unsupported_product_gets_its_own_problem()
    {
        using var response = await _server.PostAsync("/v1/registrations", ServerFixture.Registration("a@example.nl") with { Product = "other-product" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ProblemTypes.UnsupportedProduct, (await ServerFixture.ReadProblemAsync(response)).GetProperty("type").GetString());
    }

    [Fact]
    public async Task An_unknown_route_gets_a_problem_404()
    {
        using var response = await _server.Http.GetAsync("/v1/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ProblemTypes.NotFound, (await ServerFixture.ReadProblemAsync(response)).GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_legitimate_name_with_an_apostrophe_is_stored_verbatim()
    {
        using var response = await _server.PostAsync("/v1/registrations", ServerFixture.Registration("a@example.nl", name: "Bakkerij 't Hoekje & Zn."));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("Bakkerij 't Hoekje & Zn.", await _server.WithDbAsync(db => Task.FromResult(db.Companies.Single().Name)));
    }

    [Fact]
    public async Task A_sql_looking_company_name_is_only_text_stored_verbatim_and_every_table_survives()
    {
        // A company name is free text: SQL in it is refused nowhere, because it is never SQL. EF Core parameterises.
        const string name = "Jansen'); DROP TABLE Companies;--";
        using var response = await _server.PostAsync("/v1/registrations", ServerFixture.Registration("sql@example.nl", name: name));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(name, await _server.WithDbAsync(db => Task.FromResult(db.Companies.Single().Name)));
        Assert.Equal(1, await _server.WithDbAsync(db => Task.FromResult(db.Accounts.Count())));
    }

    private Task<HttpResponseMessage> PostRawAsync(string path, string json) =>
        _server.Http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    private static string Body(
        string? name = "Bakkerij Jansen B.V.",
        string? postcode = "1234 AB",
        string? street = "Dorpsstraat",
        string? city = "Utrecht",
        string? email = "a@example.nl",
        string? installationId = "install-one-0001",
        string? phone = "030 123 4567") =>
        JsonSerializer.Serialize(new RegistrationRequest(
            ServerFixture.Product,
            new CompanyInput(name, postcode, "NL", street, "12", city),
            new ContactInput("Jan Jansen", phone),
            email,
            installationId), ServerFixture.Json);
}
