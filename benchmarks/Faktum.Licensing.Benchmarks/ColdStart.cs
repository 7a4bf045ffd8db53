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
        var runs = args.Length > 1 && args[0] == "--runs" ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 15;
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/<Configuration>/net10.0
        var coldStartDll = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "Faktum.Licensing.ColdStart", "bin", configuration, "net10.0", "Faktum.Licensing.ColdStart.dll"));
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

        var bare = Measure(coldStartDll, ["bare"], runs);
        var sdk = Measure(coldStartDll, sdkArgs, runs);
        Console.WriteLine($"| host | median ms | min ms | runs |");
        Console.WriteLine($"| --- | ---: | ---: | ---: |");
        Console.WriteLine($"| bare generic host | {bare.Median:F0} | {bare.Min:F0} | {runs} |");
        Console.WriteLine($"| host + SDK, cached license validated offline | {sdk.Median:F0} | {sdk.Min:F0} | {runs} |");
        Console.WriteLine($"SDK adds {sdk.Median - bare.Median:F0} ms at the median");
        Directory.Delete(root, recursive: true);
        return 0;
    }

    private static (double Median, double Min) Measure(string dll, string[] args, int runs)
    {
        var times = new List<double>();
        for (var i = 0; i < runs + 1; i++)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
            start.ArgumentList.Add(dll);
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
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

            if (i > 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds); // the first run only warms the disk cache
            }
        }

        times.Sort();
        return (times[times.Count / 2], times[0]);
    }
}
