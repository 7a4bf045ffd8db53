using System.Net;
using Faktum.Licensing.EndToEnd.Tests.Infrastructure;

namespace Faktum.Licensing.EndToEnd.Tests.Seats;

/// <summary>The move budget (S8) on the default server (SQLite): 3 moves per 30 days, then refused with the date of the next.</summary>
public sealed class MoveBudgetTests
{
    [Fact]
    public async Task The_fourth_move_in_thirty_days_is_refused_with_its_retry_date_and_an_extra_move_from_the_vendor_lets_it_through()
    {
        await using var server = await E2eServer.StartAsync();
        using var pc0 = new HostApp(server, server.Computer("pc0"));
        var licenseId = (await pc0.RegisterAndConfirmAsync(server)).Claims!.LicenseId;
        var firstMoveAt = DateTimeOffset.MinValue;
        for (var move = 1; move <= 3; move++)
        {
            server.Time.Advance(TimeSpan.FromHours(1));
            firstMoveAt = move == 1 ? server.Time.GetUtcNow() : firstMoveAt;
            using var pc = new HostApp(server, server.Computer($"pc{move}"));
            Assert.True((await SeatsTests.RecoverAsync(server, pc)).Succeeded, $"move {move}");
        }

        server.Time.Advance(TimeSpan.FromHours(1));
        using var pc4 = new HostApp(server, server.Computer("pc4"));
        var refused = await SeatsTests.RecoverAsync(server, pc4);

        Assert.Equal(LicensingFailure.MoveBudgetExhausted, refused.Failure);
        Assert.Equal(firstMoveAt + TimeSpan.FromDays(30), refused.NextMoveAt);
        Assert.False(File.Exists(pc4.TokenPath));
        using (var pc3 = new HostApp(server, server.Computer("pc3")))
        {
            Assert.Equal(LicenseState.Trial, (await pc3.Licensing.CheckAsync()).State); // the license stayed where it was
            var listed = (await pc3.Licensing.GetInstallationsAsync()).EnsureSuccess();
            Assert.Equal(0, listed.MovesLeft);
            Assert.Equal(firstMoveAt + TimeSpan.FromDays(30), listed.NextMoveAt);
        }

        using var granted = await server.Admin.PostAsync(new Uri($"v1/admin/licenses/{licenseId}/grant-move", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        var moved = await SeatsTests.RecoverAsync(server, pc4);

        Assert.True(moved.Succeeded, moved.Message);
        using var pc3Again = new HostApp(server, server.Computer("pc3"));
        Assert.Equal(LicenseState.MovedToAnotherInstallation, (await pc3Again.Licensing.CheckAsync()).State);
    }

    [Fact]
    public async Task Once_the_oldest_move_leaves_the_window_the_license_can_move_again()
    {
        await using var server = await E2eServer.StartAsync(configure: c => c["FaktumServer:MovesPerWindow"] = "1");
        using var pc0 = new HostApp(server, server.Computer("pc0"));
        await pc0.RegisterAndConfirmAsync(server);
        using var pc1 = new HostApp(server, server.Computer("pc1"));
        Assert.True((await SeatsTests.RecoverAsync(server, pc1)).Succeeded);
        using var pc2 = new HostApp(server, server.Computer("pc2"));
        var refused = await SeatsTests.RecoverAsync(server, pc2);
        Assert.Equal(LicensingFailure.MoveBudgetExhausted, refused.Failure);

        server.Time.Advance(TimeSpan.FromDays(30) + TimeSpan.FromSeconds(1));
        var moved = await SeatsTests.RecoverAsync(server, pc2);

        Assert.True(moved.Succeeded, moved.Message);
    }
}
