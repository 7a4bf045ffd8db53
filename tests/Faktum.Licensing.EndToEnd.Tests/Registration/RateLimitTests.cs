using System.Diagnostics;
using Faktum.Licensing.EndToEnd.Tests.Infrastructure;

namespace Faktum.Licensing.EndToEnd.Tests.Registration;

public sealed class RateLimitTests
{
    [Fact]
    public async Task A_rate_limited_recovery_is_reported_at_once_as_rate_limited_with_the_servers_retry_after()
    {
        await using var server = await E2eServer.StartAsync(configure: c => c["FaktumServer:RateLimits:PermitsPerEmail"] = "1");
        using var app = new HostApp(server, server.Computer("computer-a"));
        (await app.Licensing.RegisterCompanyAsync(HostApp.Registration())).EnsureSuccess();

        var clock = Stopwatch.StartNew();
        var limited = await app.Licensing.RequestOneTimePasswordAsync(HostApp.Email);

        Assert.Equal(LicensingFailure.RateLimited, limited.Failure);
        Assert.NotNull(limited.RetryAfter);
        Assert.True(limited.RetryAfter > TimeSpan.FromMinutes(1), $"Retry-After: {limited.RetryAfter}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"The call took {clock.Elapsed}.");
    }
}
