using System.Diagnostics;
using Faktum.Licensing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Usage: Faktum.Licensing.ColdStart bare
//        Faktum.Licensing.ColdStart sdk <data-dir> <unreachable-server-url> <kid>=<x> ...
// With COLDSTART_PHASES=1 it prints when each phase ended, measured from the start of Main (for a look inside, not for the table).
var phases = Environment.GetEnvironmentVariable("COLDSTART_PHASES") == "1";
var clock = Stopwatch.StartNew();
void Mark(string phase)
{
    if (phases)
    {
        Console.WriteLine($"{phase}: {clock.Elapsed.TotalMilliseconds:F0} ms into Main");
    }
}

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
Mark("built");
await host.StartAsync();
Mark("started");
if (args[0] == "sdk")
{
    var licensing = host.Services.GetRequiredService<IFaktumLicensing>();
    Mark("resolved");
    var status = await licensing.CheckAsync();
    Mark("checked");
    if (status.State != LicenseState.OfflineGrace)
    {
        Console.Error.WriteLine($"expected OfflineGrace, got {status.State}: {status.Message}");
        return 2;
    }
}

await host.StopAsync();
Mark("stopped");
return 0;
