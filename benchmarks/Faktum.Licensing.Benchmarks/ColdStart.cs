using System.Diagnostics;
using Faktum.Licensing.Server.Hosting;

namespace Faktum.Licensing.Benchmarks;

/// <summary>
/// Cold start as a user of the host app feels it: a console host started as a new process, once bare and once
/// with the SDK validating its cached license offline (the server is gone), each timed from spawn to exit.
/// </summary>
internal static class ColdStart
{
    public static async Task<int> RunAsync(string[] args)
    {
        var runs = 15;
        string? hostDll = null;
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--runs":
                    runs = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case "--host": // a published host (ReadyToRun, other runtime settings) instead of the built one
                    hostDll = Path.GetFullPath(args[i + 1]);
                    break;
                case "--env": // NAME=VALUE for both hosts, e.g. DOTNET_TieredPGO=0
                    var cut = args[i + 1].IndexOf('=', StringComparison.Ordinal);
                    environment[args[i + 1][..cut]] = args[i + 1][(cut + 1)..];
                    break;
                default:
                    Console.Error.WriteLine($"Unknown option {args[i]}: coldstart [--runs N] [--host path/to/Faktum.Licensing.ColdStart.dll] [--env NAME=VALUE]...");
                    return 1;
            }
        }

        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/<Configuration>/net10.0
        var coldStartDll = hostDll ?? Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "Faktum.Licensing.ColdStart", "bin", configuration, "net10.0", "Faktum.Licensing.ColdStart.dll"));
        if (!File.Exists(coldStartDll))
        {
            Console.Error.WriteLine($"Build benchmarks/Faktum.Licensing.ColdStart -c {configuration} first ({coldStartDll} is missing).");
            return 1;
        }

        var root = Path.Combine(Path.GetTempPath(), "faktum-coldstart", Guid.NewGuid().ToString("N"));
        var dataDirectory = Path.Combine(root, "app");
        var options = new LicenseServerHostOptions { DataDirectory = Path.Combine(root, "server") };
        options.Configuration["Logging:LogLevel:Default"] = "Warning";
        string[] sdkArgs;
        await using (var server = await LicenseServerHost.StartAsync(options))
        {
            await DemoLicense.RegisterAsync(server, dataDirectory);
            // After this block the port is closed: the SDK finds the server unreachable and validates offline.
            sdkArgs = ["sdk", dataDirectory, server.BaseAddress.ToString(), .. server.PublicKeys.Select(k => $"{k.KeyId}={k.ExportPublicKeyBase64Url()}")];
        }

        // Bare and SDK runs alternate, so a burst of load on this shared machine falls on both alike.
        var bare = new List<double>();
        var sdk = new List<double>();
        for (var i = 0; i < runs + 1; i++)
        {
            var bareTime = Run(coldStartDll, ["bare"], environment);
            var sdkTime = Run(coldStartDll, sdkArgs, environment);
            if (i > 0) // the first pair only warms the disk cache
            {
                bare.Add(bareTime);
                sdk.Add(sdkTime);
            }
        }

        var (bareMedian, bareMin) = Summarise(bare);
        var (sdkMedian, sdkMin) = Summarise(sdk);
        Console.WriteLine($"host: {coldStartDll}{string.Concat(environment.Select(e => $" {e.Key}={e.Value}"))}");
        Console.WriteLine($"| host | median ms | min ms | runs |");
        Console.WriteLine($"| --- | ---: | ---: | ---: |");
        Console.WriteLine($"| bare generic host | {bareMedian:F0} | {bareMin:F0} | {runs} |");
        Console.WriteLine($"| host + SDK, cached license validated offline | {sdkMedian:F0} | {sdkMin:F0} | {runs} |");
        Console.WriteLine($"SDK adds {sdkMedian - bareMedian:F0} ms at the median ({sdkMedian / bareMedian:F2}x), {sdkMin - bareMin:F0} ms at the min ({sdkMin / bareMin:F2}x)");
        Directory.Delete(root, recursive: true);
        return 0;
    }

    private static double Run(string dll, string[] args, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        watch.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', args.Take(1))} exited {process.ExitCode}: {error}");
        }

        return watch.Elapsed.TotalMilliseconds;
    }

    private static (double Median, double Min) Summarise(List<double> times)
    {
        times.Sort();
        return (times[times.Count / 2], times[0]);
    }
}
