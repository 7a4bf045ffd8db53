using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Faktum.Licensing.Package.Tests;

/// <summary>
/// The sample's interactive screens in a real pseudo-terminal (util-linux <c>script</c>), 100 columns wide, as a user runs
/// them: the test waits for a text on the screen, then types. It drives the build that <see cref="SampleDemoFixture"/>
/// made, and each run starts the sample's real embedded server. <see cref="Screen"/> is the output without ANSI codes.
/// </summary>
internal sealed partial class SampleTerminal : IAsyncDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly StringBuilder _raw = new();
    private readonly Task _reader;
    private int _mark;

    private SampleTerminal(Process process)
    {
        _process = process;
        _reader = Task.Run(async () =>
        {
            var buffer = new char[4096];
            int read;
            while ((read = await process.StandardOutput.ReadAsync(buffer)) > 0)
            {
                lock (_raw)
                {
                    _raw.Append(buffer, 0, read);
                }
            }
        });
    }

    public static string SampleAssembly => Path.Combine(RepositoryLayout.Root, "samples", "Faktum.Factuur.Console", "bin", "Debug", "net10.0", "Faktum.Factuur.Console.dll");

    /// <summary>Everything shown so far, without colours and cursor movements, every run of white space (line wraps too) one space.</summary>
    public string Screen
    {
        get
        {
            lock (_raw)
            {
                return Clean(_raw.ToString());
            }
        }
    }

    public static SampleTerminal Start(IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var command = "stty cols 100 rows 50; exec dotnet " + string.Join(' ', new[] { SampleAssembly }.Concat(arguments).Select(Quote));
        var start = new ProcessStartInfo("script")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in new[] { "-qfec", command, "/dev/null" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["TERM"] = "xterm-256color";
        start.Environment["LANG"] = "C.UTF-8";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return new SampleTerminal(Process.Start(start)!);
    }

    public static SampleTerminal Start(params string[] arguments) => Start(null, arguments);

    /// <summary>Waits until <paramref name="text"/> appears after what the previous wait found; returns the screen in between.</summary>
    public async Task<string> WaitForAsync(string text, TimeSpan? timeout = null)
    {
        var deadline = Environment.TickCount64 + (long)(timeout ?? DefaultTimeout).TotalMilliseconds;
        text = WhiteSpace().Replace(text, " ");
        while (true)
        {
            var screen = Screen;
            var index = screen.IndexOf(text, Math.Min(_mark, screen.Length), StringComparison.Ordinal);
            if (index >= 0)
            {
                var between = screen[_mark..index];
                _mark = index + text.Length;
                await Task.Delay(250);   // let the prompt start reading keys
                return between;
            }

            if (Environment.TickCount64 > deadline || (_process.HasExited && _reader.IsCompleted))
            {
                throw new Xunit.Sdk.XunitException($"\"{text}\" did not appear on the screen. The screen after the last step:\n{screen[Math.Min(_mark, screen.Length)..]}\n--- whole screen ---\n{screen}");
            }

            await Task.Delay(100);
        }
    }

    public void Type(string text)
    {
        _process.StandardInput.Write(text);
        _process.StandardInput.Flush();
    }

    public void Line(string text) => Type(text + "\r");

    public void Enter() => Type("\r");

    public void Down(int times = 1) => Type(string.Concat(Enumerable.Repeat("\u001b[B", times)));

    public void CtrlC() => Type("\u0003");

    /// <summary>Waits for the program to end and returns its exit code (script -e passes it on).</summary>
    public async Task<int> ExitCodeAsync()
    {
        using var timeout = new CancellationTokenSource(DefaultTimeout);
        await _process.WaitForExitAsync(timeout.Token);
        await _reader;
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>Runs one of the sample's commands (no terminal), e.g. <c>register</c> or <c>status --json</c>.</summary>
    public static async Task<(int ExitCode, string Output)> CommandAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var argument in new[] { SampleAssembly }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(DefaultTimeout);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    /// <summary>Runs one of the reference server's commands on a data folder (e.g. <c>admin suspend</c>).</summary>
    public static async Task<(int ExitCode, string Output)> ServerCommandAsync(params string[] arguments)
    {
        var server = Path.Combine(RepositoryLayout.Root, "src", "Faktum.Licensing.Server", "bin", "Debug", "net10.0", "Faktum.Licensing.Server.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetDirectoryName(server)! };
        foreach (var argument in new[] { server }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(DefaultTimeout);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    /// <summary>Waits for a one-time password to <paramref name="email"/> in the pickup folder that is not in <paramref name="seen"/>.</summary>
    public static async Task<string> PasswordAsync(string mailFolder, string email, ICollection<string> seen)
    {
        var deadline = Environment.TickCount64 + (long)DefaultTimeout.TotalMilliseconds;
        while (Environment.TickCount64 < deadline)
        {
            if (Directory.Exists(mailFolder))
            {
                foreach (var file in new DirectoryInfo(mailFolder).GetFiles("*.eml").OrderByDescending(f => f.LastWriteTimeUtc))
                {
                    var text = File.ReadAllText(file.FullName).Replace("=\r\n", string.Empty, StringComparison.Ordinal).Replace("=\n", string.Empty, StringComparison.Ordinal);
                    if (text.Contains(email, StringComparison.OrdinalIgnoreCase) && OneTimePassword().Match(text) is { Success: true } match && !seen.Contains(match.Value))
                    {
                        seen.Add(match.Value);
                        return match.Value;
                    }
                }
            }

            await Task.Delay(200);
        }

        throw new Xunit.Sdk.XunitException($"No new one-time password to {email} in {mailFolder}.");
    }

    /// <summary>Whether an embedded server started for <paramref name="serverData"/> still runs (read from /proc).</summary>
    public static bool ServerRunsFor(string serverData) =>
        Directory.EnumerateDirectories("/proc").Any(d =>
        {
            try
            {
                var commandLine = File.ReadAllText(Path.Combine(d, "cmdline")).Replace('\0', ' ');
                return commandLine.Contains("Faktum.Licensing.Server.dll", StringComparison.Ordinal) && commandLine.Contains(serverData, StringComparison.Ordinal);
            }
            catch (IOException)
            {
                return false;
            }
            catch (UnauthorizedAccessException)
            {
                return false;
            }
        });

    private static string Quote(string argument) => "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string Clean(string raw) => WhiteSpace().Replace(Ansi().Replace(raw, string.Empty), " ");

    [GeneratedRegex(@"\x1B\[[0-?]*[ -/]*[@-~]|\x1B\][^\x07\x1B]*(?:\x07|\x1B\\)|\x1B[()][0-9A-Za-z]|\x1B[=>78]")]
    private static partial Regex Ansi();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"\b[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}\b")]
    private static partial Regex OneTimePassword();
}
