using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Faktum.Licensing.Package.Tests;

/// <summary>
/// Issue 15, item 2: the SDK is trim- and NativeAOT-safe. <c>AotHost/</c> is a console host configured only through
/// appsettings.json (<c>AddFaktumLicensing(IConfigurationSection)</c>, bound by generated code); it is published once with
/// NativeAOT — with no IL2xxx/IL3xxx warning — and registers, confirms and checks against the real server on loopback.
/// The AOT toolchain (clang, zlib1g-dev) is installed by the README's test command (eng/aot-toolchain.sh); without it this test fails, it never skips.
/// </summary>
public sealed class NativeAotHostTests : IDisposable
{
    private const string Email = "info@bakkerij-jansen.example";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(15);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "faktum-aot-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_native_aot_host_configured_by_appsettings_registers_confirms_and_checks_against_the_real_server()
    {
        AssertToolchainInstalled();
        var publish = await RunAsync("dotnet", ["publish", "tests/Faktum.Licensing.Package.Tests/AotHost", "-c", "Release", "-r", "linux-x64", "-o", Path.Combine(_root, "aot")], RepositoryLayout.Root);
        Assert.True(publish.ExitCode == 0, publish.Output);
        Assert.DoesNotMatch(new Regex(@"warning IL[23]\d{3}"), publish.Output);
        var host = Path.Combine(_root, "aot", "Faktum.Licensing.AotHost");
        Assert.True(File.Exists(host), $"No native executable at {host}.");

        var build = await RunAsync("dotnet", ["build", "src/Faktum.Licensing.Server", "-c", "Release", "-o", Path.Combine(_root, "server-bin")], RepositoryLayout.Root);
        Assert.True(build.ExitCode == 0, build.Output);
        var serverData = Path.Combine(_root, "server");
        using var server = StartServer(Path.Combine(_root, "server-bin", "Faktum.Licensing.Server.dll"), serverData);
        var baseAddress = await server.Listening.WaitAsync(TimeSpan.FromSeconds(60));

        using var client = new HttpClient { BaseAddress = baseAddress };
        var jwks = await client.GetFromJsonAsync<JsonObject>(".well-known/jwks.json");
        var trusted = new JsonObject();
        foreach (var key in jwks!["keys"]!.AsArray())
        {
            trusted[key!["kid"]!.GetValue<string>()] = key["x"]!.GetValue<string>();
        }

        var settings = new JsonObject
        {
            ["FaktumLicensing"] = new JsonObject
            {
                ["ServerUrl"] = baseAddress.AbsoluteUri,
                ["ProductId"] = "faktum-factuur",
                ["TrustedKeys"] = trusted,
                ["AppVersion"] = "1.0.0",
                ["DataDirectory"] = Path.Combine(_root, "app"),
                ["OfflineGrace"] = "7.00:00:00",
            },
        };
        await File.WriteAllTextAsync(Path.Combine(_root, "aot", "appsettings.json"), settings.ToJsonString());

        var registered = await RunAsync(host, ["register", Email], _root);
        Assert.True(registered.ExitCode == 0, registered.Output);
        var confirmed = await RunAsync(host, ["confirm", Email, OneTimePassword(Path.Combine(serverData, "mail"))], _root);
        Assert.True(confirmed.ExitCode == 0, confirmed.Output);
        Assert.Contains("state=Trial", confirmed.Output, StringComparison.Ordinal);
        var checkedOnline = await RunAsync(host, ["check"], _root);
        Assert.True(checkedOnline.ExitCode == 0, checkedOnline.Output);
        Assert.Contains("state=Trial online=True company=Bakkerij Jansen B.V.", checkedOnline.Output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void AssertToolchainInstalled()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator);
        var clang = path.Any(folder => File.Exists(Path.Combine(folder, "clang")));
        var zlib = File.Exists("/usr/include/zlib.h");
        Assert.True(clang && zlib, $"The NativeAOT toolchain is missing (clang: {clang}, zlib1g-dev: {zlib}). The README's test command installs it (eng/aot-toolchain.sh); by hand: apt-get install -y clang zlib1g-dev.");
    }

    private static string OneTimePassword(string folder)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            foreach (var file in Directory.Exists(folder) ? new DirectoryInfo(folder).GetFiles("*.eml") : [])
            {
                var text = File.ReadAllText(file.FullName).Replace("=\r\n", string.Empty, StringComparison.Ordinal).Replace("=\n", string.Empty, StringComparison.Ordinal);
                if (Regex.Match(text, @"\b[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}\b") is { Success: true } match)
                {
                    return match.Value;
                }
            }

            Thread.Sleep(100);
        }

        throw new InvalidOperationException($"No one-time password in {folder}.");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string[] arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    private static ServerProcess StartServer(string assembly, string dataDirectory)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetDirectoryName(assembly)! };
        foreach (var argument in new[] { assembly, "--urls", "http://127.0.0.1:0", $"--FaktumServer:DataDirectory={dataDirectory}", "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment.Remove("ASPNETCORE_URLS");
        return new ServerProcess(Process.Start(start)!);
    }

    /// <summary>The reference server as a child process; disposing it kills it.</summary>
    private sealed class ServerProcess : IDisposable
    {
        private readonly Process _process;
        private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ServerProcess(Process process)
        {
            _process = process;
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is { } line && Regex.Match(line, @"Now listening on: (?<url>http://\S+)") is { Success: true } match)
                {
                    _listening.TrySetResult(new Uri(match.Groups["url"].Value.TrimEnd('/') + "/"));
                }
            };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public Task<Uri> Listening => _listening.Task;

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }

            _process.Dispose();
        }
    }
}
