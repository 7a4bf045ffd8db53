using Faktum.Licensing.Http;
using Faktum.Licensing.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Faktum.Licensing.Tests.Startup;

public class StartupCheckHostedServiceTests
{
    [Fact]
    public async Task Host_start_does_not_wait_for_the_server_and_the_status_arrives_through_status_changed()
    {
        // The host runs on the real clock; the stub server mints at the same instant.
        using var prepared = new LicensingTestHost(fakeTime: false, time: new FakeTimeProvider(TimeProvider.System.GetUtcNow()));
        await prepared.RegisterAndConfirmAsync();
        var release = new TaskCompletionSource();
        prepared.Server.Intercept = async r =>
        {
            if (r.Path == "/v1/startup")
            {
                await release.Task.WaitAsync(r.Aborted);
            }

            return null;
        };

        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddFaktumLicensing(o =>
        {
            o.ServerUrl = new Uri("http://127.0.0.1:5999/");
            o.ProductId = FakeLicenseServer.Product;
            o.TrustedKeys[prepared.Server.Key.KeyId] = prepared.Server.Key.ExportPublicKeyBase64Url();
            o.DataDirectory = prepared.DataDirectory;
        }).AddStartupCheckHostedService();
        builder.Services.AddHttpClient(LicenseServerClient.RetryingClientName).ConfigurePrimaryHttpMessageHandler(() => prepared.Server);
        using var host = builder.Build();
        var licensing = host.Services.GetRequiredService<IFaktumLicensing>();
        var changed = new TaskCompletionSource<LicenseStatus>();
        licensing.StatusChanged += (_, e) => changed.TrySetResult(e.Current);

        await host.StartAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(LicenseState.NotChecked, licensing.Current.State);
        release.SetResult();
        var status = await changed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await host.StopAsync();

        Assert.Equal(LicenseState.Trial, status.State);
        Assert.Same(status, licensing.Current);
    }
}
