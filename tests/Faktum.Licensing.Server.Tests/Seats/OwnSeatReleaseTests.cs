using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Tests.Admin;
using Faktum.Licensing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Faktum.Licensing.Server.Tests.Seats;

/// <summary>An installation that gives up its own seat (S9: the company is removed from this computer) moves nothing.</summary>
public sealed class OwnSeatReleaseTests
{
    private const string Email = "eigen@bakkerij-jansen.example";

    [Fact]
    public async Task Releasing_the_asking_installations_own_seat_frees_it_without_spending_a_move()
    {
        await using var server = await ServerFixture.StartAsync();
        var token = (await server.RegisterAndConfirmAsync(Email, "install-own-00001")).License;
        var listed = await ListAsync(server, token);
        var own = Assert.Single(listed.Installations);
        Assert.True(own.Current);

        using (var released = await ReleaseAsync(server, token, own.Id))
        {
            Assert.Equal(HttpStatusCode.NoContent, released.StatusCode);
        }

        Assert.Equal(0, await server.WithDbAsync(db => db.LicenseMoves.CountAsync()));
        Assert.NotNull(await server.WithDbAsync(db => db.Installations.Select(i => i.ReleasedAt).SingleAsync()));
        Assert.Equal("moved", (await server.StartupAsync(token)).GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task Releasing_another_installations_seat_is_still_a_move()
    {
        await using var server = await ServerFixture.StartAsync();
        var token = (await server.RegisterAndConfirmAsync(Email, "install-own-00001")).License;
        var licenseId = await server.WithDbAsync(db => db.Licenses.Select(l => l.Id).SingleAsync());
        using (var seats = await AuditLogTests.AdminAsync(server, HttpMethod.Post, $"licenses/{licenseId}/seats", new { seats = 2 }))
        {
            Assert.Equal(HttpStatusCode.OK, seats.StatusCode);
        }

        using (var recovery = await server.PostAsync("/v1/recoveries", new RecoveryRequest(Email, ServerFixture.Product, "install-other-0002")))
        {
            Assert.Equal(HttpStatusCode.Accepted, recovery.StatusCode);
        }

        await server.ConfirmAsync(Email, server.ReadOneTimePassword(Email, count: 2), "install-other-0002");
        var before = await ListAsync(server, token);
        var other = Assert.Single(before.Installations, i => !i.Current);

        using (var released = await ReleaseAsync(server, token, other.Id))
        {
            Assert.Equal(HttpStatusCode.NoContent, released.StatusCode);
        }

        Assert.Equal(1, await server.WithDbAsync(db => db.LicenseMoves.CountAsync()));
        Assert.Equal(before.MovesLeft - 1, (await ListAsync(server, token)).MovesLeft);
    }

    private static async Task<HttpResponseMessage> ReleaseAsync(ServerFixture server, string token, string id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/installations/{id}/release");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await server.Http.SendAsync(request);
    }

    private static async Task<InstallationListResponse> ListAsync(ServerFixture server, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/installations");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await server.Http.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<InstallationListResponse>(ServerFixture.Json))!;
    }
}
