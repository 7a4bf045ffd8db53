using Faktum.Licensing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Usage: Faktum.Licensing.ColdStart bare
//        Faktum.Licensing.ColdStart sdk <data-dir> <unreachable-server-url> <kid>=<x> ...
var builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders();
if (args[0] == "sdk")
{
    builder.Services.AddFaktumLicensing(options =>
    {
        options.ServerUrl = new Uri(args[2]);
        options.ProductId = "faktum-factuur";
        options.AppVersion = "1.0.0";
        options.DataDirectory = args[1];
        options.RequestTimeout = TimeSpan.FromSeconds(2);
        foreach (var pair in args[3..])
        {
            var cut = pair.IndexOf('=', StringComparison.Ordinal);
            options.TrustedKeys[pair[..cut]] = pair[(cut + 1)..];
        }
    });
}

using var host = builder.Build();
await host.StartAsync();
if (args[0] == "sdk")
{
    var status = await host.Services.GetRequiredService<IFaktumLicensing>().CheckAsync();
    if (status.State != LicenseState.OfflineGrace)
    {
        Console.Error.WriteLine($"expected OfflineGrace, got {status.State}: {status.Message}");
        return 2;
    }
}

await host.StopAsync();
return 0;
