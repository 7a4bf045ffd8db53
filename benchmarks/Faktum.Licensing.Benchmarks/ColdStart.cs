using System.Diagnostics;
using System.Globalization;
using Faktum.Licensing.Server.Hosting;

namespace Faktum.Licensing.Benchmarks;

/// <summary>
/// Cold start as a user of the host app feels it: a console host started as a new process, once bare and once
/// with the SDK validating its cached license offline (the server is gone), each timed from spawn to exit.
/// </summary>
internal static class ColdStart
{
    private const string Usage = "coldstart [--runs N] [--host path/to/Faktum.Licensing.ColdStart(.dll)] [--env NAME=VALUE]... [--jit-summary]";

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = 15;
        string? hostPath = null;
        var jitSummary = false;
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--runs" when i + 1 < args.Length:
                    runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--host" when i + 1 < args.Length: // a published host (ReadyToRun, NativeAOT executable) instead of the built one
                    hostPath = Path.GetFullPath(args[++i]);
                    break;
                case "--env" when i + 1 < args.Length: // NAME=VALUE for both hosts, e.g. DOTNET_TieredPGO=0
                    var pair = args[++i];
                    var cut = pair.IndexOf('=', StringComparison.Ordinal);
                    environment[pair[..cut]] = pair[(cut + 1)..];
                    break;
                case "--jit-summary": // afterwards, one bare and one SDK run counting the methods the JIT compiled
                    jitSummary = true;
                    break;
                default:
                    Console.Error.WriteLine($"Unknown option {args[i]}: {Usage}");
                    return 1;
            }
        }

        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/<Configuration>/net10.0
        var host = hostPath ?? Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "Faktum.Licensing.ColdStart", "bin", configuration, "net10.0", "Faktum.Licensing.ColdStart.dll"));
        if (!File.Exists(host))
        {
            Console.Error.WriteLine($"Build benchmarks/Faktum.Licensing.ColdStart -c {configuration} first ({host} is missing).");
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
        var loadBefore = LoadAverage();
        var bare = new List<double>();
        var sdk = new List<double>();
        var ratios = new List<double>();
        for (var i = 0; i < runs + 1; i++)
        {
            var bareTime = Run(host, ["bare"], environment);
            var sdkTime = Run(host, sdkArgs, environment);
            if (i > 0) // the first pair only warms the disk cache
            {
                bare.Add(bareTime);
                sdk.Add(sdkTime);
                ratios.Add(sdkTime - bareTime);
            }
        }

        var loadAfter = LoadAverage();
        var (bareMedian, bareMin) = Summarise(bare);
        var (sdkMedian, sdkMin) = Summarise(sdk);
        var (pairMedian, _) = Summarise(ratios);
        Console.WriteLine($"host: {host}{string.Concat(environment.Select(e => $" {e.Key}={e.Value}"))}");
        Console.WriteLine($"machine: {Environment.ProcessorCount} CPUs, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}; load average {loadBefore} before, {loadAfter} after");
        Console.WriteLine($"| host | median ms | min ms | runs |");
        Console.WriteLine($"| --- | ---: | ---: | ---: |");
        Console.WriteLine($"| bare generic host | {bareMedian:F0} | {bareMin:F0} | {runs} |");
        Console.WriteLine($"| host + SDK, cached license validated offline | {sdkMedian:F0} | {sdkMin:F0} | {runs} |");
        Console.WriteLine($"SDK adds {sdkMedian - bareMedian:F0} ms at the median ({sdkMedian / bareMedian:F2}x), {sdkMin - bareMin:F0} ms at the min ({sdkMin / bareMin:F2}x); median of the paired differences {pairMedian:F0} ms");
        if (jitSummary)
        {
            PrintJitSummary(host, sdkArgs, environment, root);
            File.WriteAllLines(Path.Combine(root, "sdk-args.txt"), sdkArgs); // to rerun the SDK host by hand
        }
        else
        {
            Directory.Delete(root, recursive: true);
        }
        return 0;
    }

    // The runtime's own JIT log (DOTNET_JitStdOutFile with DOTNET_JitDisasmSummary=1): one line per method it compiled, counted
    // per assembly-ish prefix. A NativeAOT host compiles nothing at run time and writes no log.
    private static void PrintJitSummary(string host, string[] sdkArgs, Dictionary<string, string> environment, string root)
    {
        var counts = new List<(string Name, Dictionary<string, int> ByPrefix, int Total)>();
        foreach (var (name, args) in new[] { ("bare", new[] { "bare" }), ("sdk", sdkArgs) })
        {
            var log = Path.Combine(root, $"jit-{name}.txt");
            var withLog = new Dictionary<string, string>(environment, StringComparer.Ordinal) { ["DOTNET_JitDisasmSummary"] = "1", ["DOTNET_JitStdOutFile"] = log };
            RunLogged(host, args, withLog, log);
            var lines = File.Exists(log) ? File.ReadAllLines(log).Where(l => l.Contains("JIT compiled", StringComparison.Ordinal)).ToList() : [];
            var byPrefix = lines.GroupBy(Prefix).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            counts.Add((name, byPrefix, lines.Count));
        }

        Console.WriteLine($"JIT-compiled methods: bare {counts[0].Total}, host + SDK {counts[1].Total} ({counts[1].Total - counts[0].Total} more); the logs: {root}/jit-*.txt");
        foreach (var (prefix, count) in counts[1].ByPrefix.OrderByDescending(p => p.Value).Take(14))
        {
            Console.WriteLine($"  {prefix}: {count} (bare {counts[0].ByPrefix.GetValueOrDefault(prefix)})");
        }
    }

    // The JIT writes its log to a file it closes at shutdown. When the host's last await completed on a thread-pool thread,
    // that thread can still be compiling (the async state machines' clean-up) while the main thread shuts the runtime down,
    // and the write to the closed file crashes the process (SIGSEGV or SIGABRT; without the log it never does). Such a run
    // is tried again, and any other failure stops the summary.
    private static void RunLogged(string host, string[] args, Dictionary<string, string> environment, string log)
    {
        const int Tries = 5;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Run(host, args, environment);
                return;
            }
            catch (HostCrashedException) when (attempt < Tries)
            {
                File.Delete(log);
            }
        }
    }

    // "   12: JIT compiled System.Text.Json.Utf8JsonReader:Read():bool:this [Tier0, IL size=...]" → "System.Text.Json"; generic
    // instantiations count under the method's declaring type, wherever their type arguments come from.
    private static string Prefix(string line)
    {
        var start = line.IndexOf("JIT compiled ", StringComparison.Ordinal) + "JIT compiled ".Length;
        var end = line.IndexOfAny([':', '[', '`', '('], start);
        var name = line[start..(end < 0 ? line.Length : end)];
        var parts = name.Split('.');
        return parts[0] switch
        {
            "Microsoft" or "System" when parts.Length > 3 => string.Join('.', parts[..3]),
            _ => string.Join('.', parts[..Math.Min(2, parts.Length)]),
        };
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static double Run(string host, string[] args, Dictionary<string, string> environment)
    {
        // A .dll starts through the dotnet host (JIT, ReadyToRun); anything else is an executable (NativeAOT, an apphost).
        var isDll = host.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var start = new ProcessStartInfo(isDll ? "dotnet" : host) { RedirectStandardError = true, RedirectStandardOutput = true };
        if (isDll)
        {
            start.ArgumentList.Add(host);
        }

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
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        watch.Stop();
        if (process.ExitCode != 0)
        {
            var failure = $"{string.Join(' ', args.Take(1))} exited {process.ExitCode}: {error.Result}";
            throw process.ExitCode is 128 + 6 or 128 + 11 // killed by SIGABRT or SIGSEGV, as the dotnet host reports it
                ? new HostCrashedException(failure)
                : new InvalidOperationException(failure);
        }

        return watch.Elapsed.TotalMilliseconds;
    }

    private static (double Median, double Min) Summarise(List<double> times)
    {
        var sorted = times.Order().ToList();
        return (sorted[sorted.Count / 2], sorted[0]);
    }
}

internal sealed class HostCrashedException(string message) : Exception(message);
