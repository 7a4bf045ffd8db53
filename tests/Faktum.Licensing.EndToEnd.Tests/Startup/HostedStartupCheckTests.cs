using Faktum.Licensing.EndToEnd.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Faktum.Licensing.EndToEnd.Tests.Startup;

public sealed class HostedStartupCheckTests
{
    [Fact]
    public async Task A_generic_host_with_the_startup_check_service_reports_trial_through_status_changed_after_it_starts()
    {
        await using var server = await E2eServer.StartAsync();
        var computer = server.Computer("computer-a");
        using (var app = new HostApp(server, computer))
        {
            await app.RegisterAndConfirmAsync(server);
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<TimeProvider>(server.Time);
        builder.Services.AddFaktumLicensing(options =>
        {
            options.ServerUrl = server.BaseAddress;
            options.ProductId = E2eServer.Product;
            foreach (var (kid, x) in server.TrustedKeys)
            {
                options.TrustedKeys[kid] = x;
            }

            options.AppVersion = "2.3.1";
            options.DataDirectory = computer;
        }).AddStartupCheckHostedService();
        using var host = builder.Build();
        var licensing = host.Services.GetRequiredService<IFaktumLicensing>();
        var changed = new TaskCompletionSource<LicenseStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
        licensing.StatusChanged += (_, e) => changed.TrySetResult(e.Current);

        await host.StartAsync();
        var status = await changed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await host.StopAsync();

        Assert.Equal(LicenseState.Trial, status.State);
        Assert.True(status.IsConfirmedOnline, status.Message);
        Assert.Same(status, licensing.Current);
    }
}
