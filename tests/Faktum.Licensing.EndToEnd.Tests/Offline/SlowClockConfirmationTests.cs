using Faktum.Licensing.EndToEnd.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Faktum.Licensing.EndToEnd.Tests.Offline;

public sealed class SlowClockConfirmationTests
{
    [Fact]
    public async Task A_confirmation_on_a_computer_whose_clock_is_an_hour_slow_keeps_the_license_and_says_the_clock_is_wrong()
    {
        await using var server = await E2eServer.StartAsync();
        var computer = server.Computer("computer-a");
        using (var slow = new HostApp(server, computer, new FakeTimeProvider(E2eServer.Start - TimeSpan.FromHours(1))))
        {
            (await slow.Licensing.RegisterCompanyAsync(HostApp.Registration())).EnsureSuccess();

            var confirmed = await slow.Licensing.ConfirmAsync(HostApp.Email, server.ReadOneTimePassword(HostApp.Email));

            Assert.True(confirmed.Succeeded, confirmed.Message);
            Assert.Equal(LicenseState.ClockRolledBack, confirmed.Value!.State);
            Assert.Equal(LicenseMode.ReadOnly, confirmed.Value.Mode);
            Assert.Contains("clock", confirmed.Value.Message, StringComparison.OrdinalIgnoreCase);
            Assert.True(File.Exists(slow.TokenPath));
        }

        // The user sets the clock right: the license the server bound to this computer works, without a new password.
        using var corrected = new HostApp(server, computer);
        var status = await corrected.Licensing.CheckAsync();

        Assert.Equal(LicenseState.Trial, status.State);
        Assert.True(status.IsConfirmedOnline, status.Message);
        Assert.Single(server.MessagesTo(HostApp.Email));
    }
}
