using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Tests.Infrastructure;
using Faktum.Licensing.Server.Tests.Registration;
using Faktum.Licensing.Tokens;
using Microsoft.EntityFrameworkCore;

namespace Faktum.Licensing.Server.Tests.Companies;

public sealed class CompanyCorrectionTests
{
    [Fact]
    public async Task The_address_can_be_corrected_and_a_fresh_token_comes_back()
    {
        await using var server = await ServerFixture.StartAsync();
        var confirmed = await server.RegisterAndConfirmAsync("fix@example.nl");

        using var response = await PatchAsync(server, confirmed.License, new CompanyCorrectionRequest(null, "1234ab", "Kerkstraat", "7", "Amersfoort", "Marie Jansen", null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var corrected = (await response.Content.ReadFromJsonAsync<LicenseResponse>(ServerFixture.Json))!;
        Assert.Equal("Kerkstraat", corrected.Company.Street);
        Assert.Equal("Amersfoort", corrected.Company.City);
        Assert.Equal("Marie Jansen", corrected.Company.ContactName);
        Assert.Equal("Bakkerij Jansen B.V.", corrected.Company.Name);
        Assert.True((await server.ValidateLicenseAsync(corrected.License, "install-one-0001")).Succeeded);
        var startup = await server.StartupAsync(confirmed.License);
        Assert.Equal("Kerkstraat", startup.GetProperty("company").GetProperty("street").GetString());
    }

    [Fact]
    public async Task A_postcode_correction_onto_another_registered_company_is_a_conflict()
    {
        await using var server = await ServerFixture.StartAsync();
        var confirmed = await server.RegisterAndConfirmAsync("fix@example.nl");
        using var other = await server.PostAsync("/v1/registrations", ServerFixture.Registration("other@example.nl", postcode: "9999 ZZ", installationId: "install-two-0002"));

        using var response = await PatchAsync(server, confirmed.License, new CompanyCorrectionRequest(null, "9999ZZ", null, null, null, null, null));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("1234 AB", await server.WithDbAsync(db => db.Companies.Where(c => c.Account!.Email == "fix@example.nl").Select(c => c.Postcode).SingleAsync()));
    }

    [Fact]
    public async Task A_changed_name_is_refused_and_nothing_is_written()
    {
        await using var server = await ServerFixture.StartAsync();
        var confirmed = await server.RegisterAndConfirmAsync("fix@example.nl");

        using var response = await PatchAsync(server, confirmed.License, new CompanyCorrectionRequest("Bakkerij Pietersen", null, "Kerkstraat", null, null, null, null));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ProblemTypes.CompanyNameImmutable, (await ServerFixture.ReadProblemAsync(response)).GetProperty("type").GetString());
        var company = await server.WithDbAsync(db => db.Companies.SingleAsync());
        Assert.Equal("Bakkerij Jansen B.V.", company.Name);
        Assert.Equal("Dorpsstraat", company.Street);
    }

    [Fact]
    public async Task The_same_name_is_accepted()
    {
        await using var server = await ServerFixture.StartAsync();
        var confirmed = await server.RegisterAndConfirmAsync("fix@example.nl");

        using var response = await PatchAsync(server, confirmed.License, new CompanyCorrectionRequest("Bakkerij Jansen B.V.", null, "Kerkstraat", null, null, null, null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_token_signed_by_another_key_is_refused_by_company_and_admin_endpoints()
    {
        await using var server = await ServerFixture.StartAsync();
        await server.RegisterAndConfirmAsync("fix@example.nl");
        using var foreignKey = Ed25519SigningKey.Generate();
        var forged = RegistrationFlowTests.ForeignToken(foreignKey);

        using var company = await PatchAsync(server, forged, new CompanyCorrectionRequest(null, null, "Kerkstraat", null, null, null, null));
        Assert.Equal(HttpStatusCode.Unauthorized, company.StatusCode);
        Assert.Equal(ProblemTypes.InvalidLicenseToken, (await ServerFixture.ReadProblemAsync(company)).GetProperty("type").GetString());

        var licenseId = await server.WithDbAsync(db => db.Licenses.Select(l => l.Id).SingleAsync());
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/admin/licenses/{licenseId}/revoke");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", forged);
        using var admin = await server.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, admin.StatusCode);
        Assert.Equal("Dorpsstraat", await server.WithDbAsync(db => db.Companies.Select(c => c.Street).SingleAsync()));
        Assert.Equal("Active", (await server.WithDbAsync(db => db.Licenses.SingleAsync())).Status.ToString());
    }

    [Fact]
    public async Task A_token_of_a_moved_installation_cannot_correct_the_company()
    {
        await using var server = await ServerFixture.StartAsync();
        var first = await server.RegisterAndConfirmAsync("fix@example.nl", "install-old-0001");
        using var recovery = await server.PostAsync("/v1/recoveries", new RecoveryRequest("fix@example.nl", ServerFixture.Product, "install-new-0002"));
        await server.ConfirmAsync("fix@example.nl", server.ReadOneTimePassword("fix@example.nl", count: 2), "install-new-0002");

        using var response = await PatchAsync(server, first.License, new CompanyCorrectionRequest(null, null, "Kerkstraat", null, null, null, null));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Without_a_bearer_token_the_company_endpoint_answers_401()
    {
        await using var server = await ServerFixture.StartAsync();
        using var response = await server.Http.PatchAsJsonAsync("/v1/company", new CompanyCorrectionRequest(null, null, "Kerkstraat", null, null, null, null));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> PatchAsync(ServerFixture server, string token, CompanyCorrectionRequest body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, "/v1/company") { Content = JsonContent.Create(body, options: ServerFixture.Json) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await server.Http.SendAsync(request);
    }
}
