using System.Net;
using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Tests.Infrastructure;

namespace Faktum.Licensing.Server.Tests.Security;

/// <summary>F3: registration decides on the company first; its answers never depend on whether the e-mail address has an account.</summary>
public sealed class F3AccountEnumerationTests
{
    [Theory]
    [BothStorageProviders]
    public async Task Registering_a_held_company_answers_409_whether_or_not_the_address_has_an_account(StorageProvider provider)
    {
        await using var server = await ServerFixture.StartAsync(provider: provider);
        await server.RegisterAndConfirmAsync("owner@example.nl");
        await server.RegisterAndConfirmAsync("known@example.nl", "install-two-0002", name: "Slagerij De Vries", postcode: "5678 CD");

        using var withKnownAddress = await server.PostAsync("/v1/registrations", ServerFixture.Registration("known@example.nl", installationId: "install-atk-0003"));
        using var withUnknownAddress = await server.PostAsync("/v1/registrations", ServerFixture.Registration("unknown@example.nl", installationId: "install-atk-0003"));

        Assert.Equal(HttpStatusCode.Conflict, withKnownAddress.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, withUnknownAddress.StatusCode);
        var known = await ServerFixture.ReadProblemAsync(withKnownAddress);
        var unknown = await ServerFixture.ReadProblemAsync(withUnknownAddress);
        Assert.Equal(unknown.GetProperty("type").GetString(), known.GetProperty("type").GetString());
        Assert.Equal(unknown.GetProperty("detail").GetString(), known.GetProperty("detail").GetString());
        Assert.Single(server.MessagesTo("known@example.nl")); // no "someone tried to register" notice either
    }

    [Fact]
    public async Task Registering_a_free_company_answers_202_whether_or_not_the_address_has_an_account()
    {
        await using var server = await ServerFixture.StartAsync();
        await server.RegisterAndConfirmAsync("known@example.nl");

        using var withKnownAddress = await server.PostAsync("/v1/registrations", ServerFixture.Registration("known@example.nl", name: "Garage Smit", postcode: "9999 ZZ"));
        using var withUnknownAddress = await server.PostAsync("/v1/registrations", ServerFixture.Registration("unknown@example.nl", name: "Garage Bos", postcode: "9999 ZY"));

        Assert.Equal(HttpStatusCode.Accepted, withKnownAddress.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, withUnknownAddress.StatusCode);
        Assert.Equal(await withUnknownAddress.Content.ReadAsStringAsync(), await withKnownAddress.Content.ReadAsStringAsync());
    }
}
