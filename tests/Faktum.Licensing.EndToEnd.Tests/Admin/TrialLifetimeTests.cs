using System.Net;
using System.Net.Http.Json;
using Faktum.Licensing.EndToEnd.Tests.Infrastructure;

namespace Faktum.Licensing.EndToEnd.Tests.Admin;

public sealed class TrialLifetimeTests
{
    [Fact]
    public async Task A_trial_past_its_days_is_trial_expired_at_the_next_start_and_an_extension_makes_it_a_trial_again()
    {
        await using var server = await E2eServer.StartAsync();
        using var app = new HostApp(server, server.Computer("computer-a"));
        var confirmed = await app.RegisterAndConfirmAsync(server);

        server.Time.Advance(TimeSpan.FromDays(31));
        var expired = await app.Licensing.CheckAsync();

        Assert.Equal(LicenseState.TrialExpired, expired.State);
        Assert.Equal(LicenseMode.ReadOnly, expired.Mode);
        Assert.True(expired.IsConfirmedOnline, expired.Message);

        using var extended = await server.Admin.PostAsJsonAsync(new Uri($"v1/admin/licenses/{confirmed.Claims!.LicenseId}/extend", UriKind.Relative), new { days = 14 });
        Assert.Equal(HttpStatusCode.OK, extended.StatusCode);
        var again = await app.Licensing.CheckAsync();

        Assert.Equal(LicenseState.Trial, again.State);
        Assert.Equal(14, again.DaysLeft);
        Assert.True(again.IsConfirmedOnline);
    }

    [Fact]
    public async Task A_paid_license_whose_end_has_passed_is_expired_at_the_next_start()
    {
        await using var server = await E2eServer.StartAsync();
        using var app = new HostApp(server, server.Computer("computer-a"));
        var confirmed = await app.RegisterAndConfirmAsync(server);
        using var paid = await server.Admin.PostAsJsonAsync(
            new Uri($"v1/admin/licenses/{confirmed.Claims!.LicenseId}/paid", UriKind.Relative),
            new { endsAt = E2eServer.Start.AddDays(60), updatesEndAt = (DateTimeOffset?)null });
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        Assert.Equal(LicenseState.Licensed, (await app.Licensing.CheckAsync()).State);

        server.Time.Advance(TimeSpan.FromDays(61));
        var expired = await app.Licensing.CheckAsync();

        Assert.Equal(LicenseState.Expired, expired.State);
        Assert.Equal(LicenseMode.ReadOnly, expired.Mode);
    }
}
