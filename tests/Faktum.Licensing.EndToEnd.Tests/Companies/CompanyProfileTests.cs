using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Faktum.Licensing.EndToEnd.Tests.Infrastructure;

namespace Faktum.Licensing.EndToEnd.Tests.Companies;

public sealed class CompanyProfileTests
{
    [Fact]
    public async Task The_registered_address_is_the_profile_a_corrected_street_is_seen_at_the_next_check_and_the_server_refuses_a_new_name()
    {
        await using var server = await E2eServer.StartAsync();
        using var app = new HostApp(server, server.Computer("computer-a"));
        await app.RegisterAndConfirmAsync(server);

        var profile = await app.Licensing.GetCompanyProfileAsync();
        Assert.NotNull(profile);
        Assert.Equal("Bakkerij Jansen B.V.", profile.Name);
        Assert.Equal("1234 AB", profile.Postcode);
        Assert.Equal("NL", profile.Country);
        Assert.Equal("Dorpsstraat", profile.Street);
        Assert.Equal("12a", profile.HouseNumber);
        Assert.Equal("Utrecht", profile.City);
        Assert.Equal("Jan Jansen", profile.ContactName);
        Assert.Equal(HostApp.Email, profile.Email);

        var corrected = await app.Licensing.CorrectCompanyAsync(new CompanyCorrection { Street = "Kerkstraat" });

        Assert.True(corrected.Succeeded, corrected.Message);
        Assert.Equal("Kerkstraat", corrected.Value!.Street);
        Assert.Equal("Bakkerij Jansen B.V.", corrected.Value.Name);
        Assert.Equal("Kerkstraat", (await app.Licensing.GetCompanyProfileAsync())!.Street);
        var next = await app.Licensing.CheckAsync();
        Assert.Equal(LicenseState.Trial, next.State);
        Assert.Equal("Kerkstraat", next.Company!.Street);
        Assert.Equal("12a", next.Company.HouseNumber);

        // CompanyCorrection has no name; a raw PATCH with one, authorised by this installation's token, is refused.
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using var patch = new HttpRequestMessage(HttpMethod.Patch, "v1/company") { Content = JsonContent.Create(new { name = "Bakkerij Pietersen B.V." }) };
        patch.Headers.Authorization = new AuthenticationHeaderValue("Bearer", (await File.ReadAllTextAsync(app.TokenPath)).Trim());
        using var refused = await http.SendAsync(patch);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("urn:faktum:problem:company-name-immutable", problem.RootElement.GetProperty("type").GetString());
        var after = await app.Licensing.CheckAsync();
        Assert.Equal("Bakkerij Jansen B.V.", after.Company!.Name);
    }
}
