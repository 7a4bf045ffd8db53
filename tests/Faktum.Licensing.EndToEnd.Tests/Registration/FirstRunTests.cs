using Faktum.Licensing.EndToEnd.Tests.Infrastructure;
using Faktum.Licensing.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Faktum.Licensing.EndToEnd.Tests.Registration;

public sealed class FirstRunTests
{
    [Fact]
    public async Task A_registered_and_confirmed_company_runs_a_trial_and_the_next_start_stays_trial_without_asking_again()
    {
        await using var server = await E2eServer.StartAsync();
        var computer = server.Computer("computer-a");

        using (var first = new HostApp(server, computer))
        {
            var registered = await first.Licensing.RegisterCompanyAsync(HostApp.Registration());
            Assert.True(registered.Succeeded, registered.Message);

            var password = server.ReadOneTimePassword(HostApp.Email);
            var confirmed = await first.Licensing.ConfirmAsync(HostApp.Email, password);

            Assert.True(confirmed.Succeeded, confirmed.Message);
            Assert.Equal(LicenseState.Trial, confirmed.Value!.State);
            Assert.Equal(30, confirmed.Value.DaysLeft);
            Assert.Equal(LicenseMode.RunNormally, confirmed.Value.Mode);
            Assert.Equal("Bakkerij Jansen B.V.", confirmed.Value.Company!.Name);

            var check = await first.Licensing.CheckAsync();
            Assert.Equal(LicenseState.Trial, check.State);
            Assert.Equal(30, check.DaysLeft);
            Assert.True(check.IsConfirmedOnline);
        }

        server.Time.Advance(TimeSpan.FromDays(3));
        using var second = new HostApp(server, computer);
        Assert.Equal(LicenseState.NotChecked, second.Licensing.Current.State);

        var next = await second.Licensing.CheckAsync();

        Assert.Equal(LicenseState.Trial, next.State);
        Assert.Equal(27, next.DaysLeft);
        Assert.True(next.IsConfirmedOnline, next.Message);
        Assert.Equal("Bakkerij Jansen B.V.", next.Company!.Name);

        // One mail was ever sent. (The outbox, not the pickup folder, which drops a mail once its password expired.)
        await using var scope = server.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<LicensingDbContext>().OutboxMessages.CountAsync());
    }
}
