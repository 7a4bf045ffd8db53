using System.Net.Http.Json;
using Faktum.Licensing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Faktum.Licensing.Server.Tests.Startup;

public sealed class StartupVerdictTests
{
    [Fact]
    public async Task A_license_token_past_its_exp_still_gets_its_verdict_and_a_fresh_token()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
        await using var server = await ServerFixture.StartAsync(time);
        var confirmed = await server.RegisterAndConfirmAsync("late@example.nl");
        var licenseId = await server.WithDbAsync(db => db.Licenses.Select(l => l.Id).SingleAsync());
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/admin/licenses/{licenseId}/paid") { Content = JsonContent.Create(new { endsAt = (string?)null }) };
        request.Headers.Add("X-Api-Key", ServerFixture.AdminKey);
        using var paid = await server.Http.SendAsync(request);

        time.Advance(TimeSpan.FromDays(45)); // the token's exp (30 days) has passed

        var startup = await server.StartupAsync(confirmed.License);
        Assert.Equal("licensed", startup.GetProperty("verdict").GetString());
        var refreshed = await server.ValidateLicenseAsync(startup.GetProperty("license").GetString()!, "install-one-0001");
        Assert.True(refreshed.Succeeded, refreshed.Message);
        Assert.Equal(time.GetUtcNow().AddDays(30), refreshed.Claims.ExpiresAt);
    }

    [Fact]
    public async Task Trial_days_left_are_rounded_up_and_the_response_expires_after_five_minutes()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
        await using var server = await ServerFixture.StartAsync(time);
        var confirmed = await server.RegisterAndConfirmAsync("round@example.nl");

        time.Advance(TimeSpan.FromHours(12));
        var startup = await server.StartupAsync(confirmed.License);

        Assert.Equal(30, startup.GetProperty("trial_days_left").GetInt32());
        Assert.Equal(300, startup.GetProperty("exp").GetInt64() - startup.GetProperty("iat").GetInt64());
        Assert.Equal(ServerFixture.Product, startup.GetProperty("aud").GetString());
        Assert.Equal(ServerFixture.Issuer, startup.GetProperty("iss").GetString());
    }
}
