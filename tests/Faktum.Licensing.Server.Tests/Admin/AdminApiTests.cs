using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Tests.Infrastructure;
using Faktum.Licensing.Tokens;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Faktum.Licensing.Server.Tests.Admin;

public sealed class AdminApiTests
{
    [Fact]
    public async Task Suspend_reinstate_and_revoke_show_in_the_startup_verdict()
    {
        await using var server = await ServerFixture.StartAsync();
        var confirmed = await server.RegisterAndConfirmAsync("admin@example.nl");
        var licenseId = await LicenseIdAsync(server);

        Assert.Equal(HttpStatusCode.OK, (await AdminPostAsync(server, $"licenses/{licenseId}/suspend")).StatusCode);
        Assert.Equal("suspended", await VerdictAsync(server, confirmed.License));

        Assert.Equal(HttpStatusCode.OK, (await AdminPostAsync(server, $"licenses/{licenseId}/reinstate")).StatusCode);
        Assert.Equal("trial", await VerdictAsync(server, confirmed.License));

        Assert.Equal(HttpStatusCode.OK, (await AdminPostAsync(server, $"licenses/{licenseId}/revoke")).StatusCode);
        var revoked = await server.StartupAsync(confirmed.License);
        Assert.Equal("revoked", revoked.GetProperty("verdict").GetString());
        Assert.False(revoked.TryGetProperty("license", out _));
    }

    [Fact]
    public async Task Paid_turns_the_trial_into_a_licensed_verdict_and_a_paid_token()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
        await using var server = await ServerFixture.StartAsync(time);
        var confirmed = await server.RegisterAndConfirmAsync("admin@example.nl");
        var licenseId = await LicenseIdAsync(server);

        using var paid = await AdminPostAsync(server, $"licenses/{licenseId}/paid", new { endsAt = "2027-12-31T00:00:00Z", updatesEndAt = "2027-06-30T00:00:00Z" });
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        using var body = JsonDocument.Parse(await paid.Content.ReadAsStringAsync());
        Assert.Equal("paid", body.RootElement.GetProperty("kind").GetString());

        var startup = await server.StartupAsync(confirmed.License);
        Assert.Equal("licensed", startup.GetProperty("verdict").GetString());
        var refreshed = (await server.ValidateLicenseAsync(startup.GetProperty("license").GetString()!)).EnsureSuccess();
        Assert.Equal(LicenseKind.Paid, refreshed.Kind);
        Assert.Equal(new DateTimeOffset(2027, 12, 31, 0, 0, 0, TimeSpan.Zero), refreshed.LicenseEndsAt);

        time.SetUtcNow(new DateTimeOffset(2028, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal("expired", await VerdictAsync(server, confirmed.License));
    }

    [Fact]
    public async Task Extend_adds_days_to_the_trial()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
        await using var server = await ServerFixture.StartAsync(time);
        var confirmed = await server.RegisterAndConfirmAsync("admin@example.nl");
        var licenseId = await LicenseIdAsync(server);

        using var extended = await AdminPostAsync(server, $"licenses/{licenseId}/extend", new { days = 14 });
        Assert.Equal(HttpStatusCode.OK, extended.StatusCode);

        var startup = await server.StartupAsync(confirmed.License);
        Assert.Equal(44, startup.GetProperty("trial_days_left").GetInt32());
    }

    [Fact]
    public async Task Lookup_finds_the_company_by_email_and_by_canonical_identity()
    {
        await using var server = await ServerFixture.StartAsync();
        await server.RegisterAndConfirmAsync("admin@example.nl");

        using var byEmail = await AdminGetAsync(server, "companies?email=ADMIN@example.nl");
        Assert.Equal(HttpStatusCode.OK, byEmail.StatusCode);
        using var byIdentity = await AdminGetAsync(server, "companies?name=bakkerij%20%20jansen%20bv&postcode=1234ab&country=NL");
        Assert.Equal(HttpStatusCode.OK, byIdentity.StatusCode);
        using var document = JsonDocument.Parse(await byIdentity.Content.ReadAsStringAsync());
        Assert.Equal("Bakkerij Jansen B.V.", document.RootElement.GetProperty("name").GetString());
        Assert.Equal("install-one-0001", document.RootElement.GetProperty("licenses")[0].GetProperty("installations")[0].GetProperty("installationId").GetString());

        using var missing = await AdminGetAsync(server, "companies?email=nobody@example.nl");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(ProblemTypes.NotFound, (await ServerFixture.ReadProblemAsync(missing)).GetProperty("type").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key-0123456789")]
    [InlineData("test-admin-key-012345678")]
    public async Task A_missing_or_wrong_api_key_gets_401_and_changes_nothing(string? key)
    {
        await using var server = await ServerFixture.StartAsync();
        var confirmed = await server.RegisterAndConfirmAsync("admin@example.nl");
        var licenseId = await LicenseIdAsync(server);

        using var response = await AdminPostAsync(server, $"licenses/{licenseId}/revoke", apiKey: key);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(ProblemTypes.Unauthorized, (await ServerFixture.ReadProblemAsync(response)).GetProperty("type").GetString());
        Assert.Equal("trial", await VerdictAsync(server, confirmed.License));
    }

    [Fact]
    public async Task Without_a_configured_key_the_admin_api_does_not_exist()
    {
        await using var server = await ServerFixture.StartAsync(configure: c => c["FaktumServer:AdminApiKey"] = null);

        using var response = await AdminPostAsync(server, "licenses/lic_x/revoke");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_license_gets_404()
    {
        await using var server = await ServerFixture.StartAsync();
        using var response = await AdminPostAsync(server, "licenses/lic_unknown/suspend");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static Task<string> LicenseIdAsync(ServerFixture server) => server.WithDbAsync(db => db.Licenses.Select(l => l.Id).SingleAsync());

    private static async Task<string?> VerdictAsync(ServerFixture server, string license) =>
        (await server.StartupAsync(license)).GetProperty("verdict").GetString();

    private static async Task<HttpResponseMessage> AdminPostAsync(ServerFixture server, string path, object? body = null, string? apiKey = ServerFixture.AdminKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/admin/" + path) { Content = body is null ? null : JsonContent.Create(body) };
        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }

        return await server.Http.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> AdminGetAsync(ServerFixture server, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/admin/" + path);
        request.Headers.Add("X-Api-Key", ServerFixture.AdminKey);
        return await server.Http.SendAsync(request);
    }
}
