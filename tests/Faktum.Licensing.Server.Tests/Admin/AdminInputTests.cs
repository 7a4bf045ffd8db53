using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Faktum.Licensing.Server.Tests.Admin;

/// <summary>F15: input the admin API cannot act on is a typed 4xx problem, never a 500.</summary>
public sealed class AdminInputTests
{
    [Fact]
    public async Task Extending_a_license_past_the_year_9999_gets_400_validation_failed_and_changes_nothing()
    {
        await using var server = await ServerFixture.StartAsync();
        await server.RegisterAndConfirmAsync("admin@example.nl");
        var licenseId = await server.WithDbAsync(db => db.Licenses.Select(l => l.Id).SingleAsync());
        using var paid = await AdminPostAsync(server, $"licenses/{licenseId}/paid", new { endsAt = "9999-06-30T00:00:00Z" });
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);

        using var extended = await AdminPostAsync(server, $"licenses/{licenseId}/extend", new { days = 3650 });

        Assert.Equal(HttpStatusCode.BadRequest, extended.StatusCode);
        var problem = await ServerFixture.ReadProblemAsync(extended);
        Assert.Equal(ProblemTypes.ValidationFailed, problem.GetProperty("type").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("days", out _), problem.ToString());
        var end = await server.WithDbAsync(db => db.Licenses.Select(l => l.LicenseEndsAt).SingleAsync());
        Assert.Equal(new DateTimeOffset(9999, 6, 30, 0, 0, 0, TimeSpan.Zero), end);
    }

    [Fact]
    public async Task Extending_a_trial_past_the_year_9999_gets_400_validation_failed()
    {
        await using var server = await ServerFixture.StartAsync();
        await server.RegisterAndConfirmAsync("admin@example.nl");
        var licenseId = await server.WithDbAsync(db => db.Licenses.Select(l => l.Id).SingleAsync());
        await server.WithDbAsync(async db =>
            await db.Licenses.ExecuteUpdateAsync(s => s.SetProperty(l => l.TrialEndsAt, new DateTimeOffset(9999, 1, 1, 0, 0, 0, TimeSpan.Zero))));

        using var extended = await AdminPostAsync(server, $"licenses/{licenseId}/extend", new { days = 3650 });

        Assert.Equal(HttpStatusCode.BadRequest, extended.StatusCode);
        Assert.Equal(ProblemTypes.ValidationFailed, (await ServerFixture.ReadProblemAsync(extended)).GetProperty("type").GetString());
    }

    public static TheoryData<string, string> InvalidEscapes => new()
    {
        { "lone high surrogate as the manifest", """{"manifest":"\uD800","kid":"k","signature":"s"}""" },
        { "lone low surrogate as the kid", """{"manifest":"e30","kid":"\uDC00","signature":"s"}""" },
        { "lone surrogate in a member name", """{"manifest":"e30","kid":"k","signature":"s","\uD800":"x"}""" },
        { "short escape", """{"manifest":"\u12","kid":"k","signature":"s"}""" },
        { "lone surrogate inside the manifest", Signed("""{"schema":1,"product":"faktum-factuur","releaseId":"\uD800","sequence":1}""") },
        { "lone surrogate in a manifest member name", Signed("""{"\uDBFF":1}""") },
        { "short escape inside the manifest", Signed("""{"product":"\u12"}""") },
    };

    [Theory]
    [MemberData(nameof(InvalidEscapes))]
    public async Task A_release_upload_holding_an_invalid_unicode_escape_gets_a_typed_4xx_problem(string @case, string body)
    {
        await using var server = await ServerFixture.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/admin/releases") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", ServerFixture.AdminKey);

        using var response = await server.Http.SendAsync(request);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, $"{@case}: {(int)response.StatusCode}");
        var type = (await ServerFixture.ReadProblemAsync(response)).GetProperty("type").GetString();
        Assert.True(type is ProblemTypes.MalformedRequest or ProblemTypes.ReleaseRefused, $"{@case}: {type}");
        Assert.Equal(0, await server.WithDbAsync(db => db.Releases.CountAsync()));
    }

    private static string Signed(string manifest) =>
        $$"""{"manifest":"{{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(manifest))}}","kid":"k","signature":"{{Base64Url.EncodeToString(new byte[64])}}"}""";

    private static async Task<HttpResponseMessage> AdminPostAsync(ServerFixture server, string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/admin/" + path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Api-Key", ServerFixture.AdminKey);
        return await server.Http.SendAsync(request);
    }
}
