using System.Net;
using System.Net.Http.Json;
using Faktum.Licensing.EndToEnd.Tests.Infrastructure;

namespace Faktum.Licensing.EndToEnd.Tests.Admin;

public sealed class AdminChangeTests
{
    [Fact]
    public async Task Suspend_reinstate_paid_and_revoke_through_the_admin_api_are_seen_at_the_next_start()
    {
        await using var server = await E2eServer.StartAsync();
        using var app = new HostApp(server, server.Computer("computer-a"));
        var confirmed = await app.RegisterAndConfirmAsync(server);
        var licenseId = confirmed.Claims!.LicenseId;

        await AdminAsync(server, licenseId, "suspend");
        var suspended = await app.Licensing.CheckAsync();
        Assert.Equal(LicenseState.Suspended, suspended.State);
        Assert.Equal(LicenseMode.ReadOnly, suspended.Mode);
        Assert.True(suspended.IsConfirmedOnline);

        await AdminAsync(server, licenseId, "reinstate");
        var reinstated = await app.Licensing.CheckAsync();
        Assert.Equal(LicenseState.Trial, reinstated.State);
        Assert.Equal(30, reinstated.DaysLeft);

        await AdminAsync(server, licenseId, "paid", new { endsAt = (DateTimeOffset?)null, updatesEndAt = (DateTimeOffset?)null });
        var paid = await app.Licensing.CheckAsync();
        Assert.Equal(LicenseState.Licensed, paid.State);
        Assert.Equal(LicenseMode.RunNormally, paid.Mode);
        Assert.Null(paid.DaysLeft);

        await AdminAsync(server, licenseId, "revoke");
        var revoked = await app.Licensing.CheckAsync();
        Assert.Equal(LicenseState.Revoked, revoked.State);
        Assert.Equal(LicenseMode.ReadOnly, revoked.Mode);
        Assert.True(File.Exists(app.TokenPath));
    }

    private static async Task AdminAsync(E2eServer server, string licenseId, string action, object? body = null)
    {
        using var response = body is null
            ? await server.Admin.PostAsync(new Uri($"v1/admin/licenses/{licenseId}/{action}", UriKind.Relative), null)
            : await server.Admin.PostAsJsonAsync(new Uri($"v1/admin/licenses/{licenseId}/{action}", UriKind.Relative), body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
