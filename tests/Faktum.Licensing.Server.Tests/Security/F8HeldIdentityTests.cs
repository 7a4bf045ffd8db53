using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Tests.Infrastructure;

namespace Faktum.Licensing.Server.Tests.Security;

/// <summary>F8: every identity a license has held stays reserved to it, so a postcode correction frees nothing (I1).</summary>
public sealed class F8HeldIdentityTests
{
    [Theory]
    [BothStorageProviders]
    public async Task After_a_postcode_correction_the_old_identity_cannot_be_registered_again(StorageProvider provider)
    {
        await using var server = await ServerFixture.StartAsync(provider: provider);
        var confirmed = await server.RegisterAndConfirmAsync("owner@example.nl");
        using var corrected = await PatchAsync(server, confirmed.License, new CompanyCorrectionRequest(null, "5678 CD", null, null, null, null, null));
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);

        using var second = await server.PostAsync("/v1/registrations", ServerFixture.Registration("second@example.nl", installationId: "install-two-0002"));

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(ProblemTypes.CompanyAlreadyRegistered, (await ServerFixture.ReadProblemAsync(second)).GetProperty("type").GetString());
        Assert.Equal((1, 1, 1, 1), await server.CountRowsAsync());
    }

    [Fact]
    public async Task Another_company_cannot_correct_its_postcode_onto_an_identity_held_before()
    {
        await using var server = await ServerFixture.StartAsync();
        var first = await server.RegisterAndConfirmAsync("owner@example.nl");
        using var moved = await PatchAsync(server, first.License, new CompanyCorrectionRequest(null, "5678 CD", null, null, null, null, null));
        var other = await server.RegisterAndConfirmAsync("other@example.nl", "install-two-0002", postcode: "9999 ZZ");

        using var onto = await PatchAsync(server, other.License, new CompanyCorrectionRequest(null, "1234 AB", null, null, null, null, null));

        Assert.Equal(HttpStatusCode.Conflict, onto.StatusCode);
        Assert.Equal(ProblemTypes.CompanyAlreadyRegistered, (await ServerFixture.ReadProblemAsync(onto)).GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_company_can_correct_its_postcode_back_to_one_it_held()
    {
        await using var server = await ServerFixture.StartAsync();
        var confirmed = await server.RegisterAndConfirmAsync("owner@example.nl");
        using var away = await PatchAsync(server, confirmed.License, new CompanyCorrectionRequest(null, "5678 CD", null, null, null, null, null));

        using var back = await PatchAsync(server, confirmed.License, new CompanyCorrectionRequest(null, "1234ab", null, null, null, null, null));

        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Equal("1234 AB", (await back.Content.ReadFromJsonAsync<LicenseResponse>(ServerFixture.Json))!.Company.Postcode);
    }

    private static async Task<HttpResponseMessage> PatchAsync(ServerFixture server, string token, CompanyCorrectionRequest body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, "/v1/company") { Content = JsonContent.Create(body, options: ServerFixture.Json) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await server.Http.SendAsync(request);
    }
}
