using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Faktum.Licensing.Package.Tests;

/// <summary>
/// Runs the README's first command once, as a child process, exactly as a newcomer would (plus --json):
/// <c>dotnet run --project samples/Faktum.Factuur.Console -- demo --json</c>. It packs the SDK, restores the sample
/// from the packed package only, builds it and walks S1–S7 on the embedded server. Then, on that build
/// (<c>--no-build</c>), it runs the sample's screens once more to see what a user sees: the demo in Dutch and in English
/// text, and the commands failing in the ways the server refuses (see <see cref="SampleScreensTests"/>).
/// </summary>
public sealed class SampleDemoFixture : IAsyncLifetime
{
    public const string Email = "jan@bakkerij-jansen.nl";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    public int ExitCode { get; private set; }

    public string StandardOutput { get; private set; } = string.Empty;

    public string StandardError { get; private set; } = string.Empty;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "faktum-sample-" + Guid.NewGuid().ToString("N"));

    /// <summary>The demo as text, in Dutch (the default) and in English.</summary>
    public SampleRun? DutchDemo { get; private set; }

    public SampleRun? EnglishDemo { get; private set; }

    /// <summary>The commands, in order, on one data folder (<see cref="CommandsDirectory"/>): keyed by what they show.</summary>
    public Dictionary<string, SampleRun> Commands { get; } = new(StringComparer.Ordinal);

    public string CommandsDirectory => Path.Combine(DataDirectory, "commands");

    /// <summary>The embedded server's folder for the commands (by default it is one per user, shared by every data folder).</summary>
    public string CommandsServerDirectory => Path.Combine(DataDirectory, "commands", "server");

    public async Task InitializeAsync()
    {
        var first = await RunAsync(["run", "--project", "samples/Faktum.Factuur.Console", "--", "demo", "--json", "--data-dir", DataDirectory]);
        ExitCode = first.ExitCode;
        StandardOutput = first.StandardOutput;
        StandardError = first.StandardError;
        if (ExitCode != 0)
        {
            return;
        }

        DutchDemo = await SampleAsync("demo", "--data-dir", Path.Combine(DataDirectory, "demo-nl"));
        EnglishDemo = await SampleAsync("demo", "--lang", "en", "--data-dir", Path.Combine(DataDirectory, "demo-en"));

        string[] company = ["--company", "Bakkerij Jansen B.V.", "--postcode", "1234 AB", "--street", "Dorpsstraat", "--house-number", "12a", "--city", "Utrecht", "--contact", "Jan Jansen"];
        string[] invalid = ["--company", "Bakkerij Jansen B.V.", "--postcode", "12", "--street", "Dorpsstraat", "--house-number", "12a", "--city", "Utrecht", "--contact", "Jan Jansen", "--email", "jan@"];
        string[] duplicate = ["register", "--company", "bakkerij  jansen bv", "--postcode", "1234ab", "--street", "Dorpsstraat", "--house-number", "12a", "--city", "Utrecht", "--contact", "Piet Jansen", "--email", "piet@bakkerij-jansen.nl", "--data-dir", CommandsDirectory, "--server-data", CommandsServerDirectory];
        await CommandAsync("invalid-nl", ["register", .. invalid]);
        await CommandAsync("invalid-en", ["register", .. invalid, "--lang", "en"]);
        await CommandAsync("register", ["register", .. company, "--email", Email]);
        await CommandAsync("wrong-password-nl", ["confirm", "--email", Email, "--password", "AAAAA-BBBBB"]);
        await CommandAsync("wrong-password-en", ["confirm", "--email", Email, "--password", "AAAAA-BBBBB", "--lang", "en"]);
        await CommandAsync("confirm", ["confirm", "--email", Email, "--password", OneTimePassword(Path.Combine(CommandsServerDirectory, "mail"), Email)]);
        await CommandAsync("installations-nl", ["installations"]);
        await CommandAsync("installations-en", ["installations", "--lang", "en"]);
        await CommandAsync("installations-json", ["installations", "--json"]);
        Commands["duplicate-nl"] = await SampleAsync(duplicate);
        Commands["duplicate-en"] = await SampleAsync([.. duplicate, "--lang", "en"]);
        Commands["duplicate-json"] = await SampleAsync([.. duplicate, "--json"]);
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }

        return Task.CompletedTask;
    }

    private async Task CommandAsync(string name, string[] arguments) =>
        Commands[name] = await SampleAsync([.. arguments, "--data-dir", CommandsDirectory, "--server-data", CommandsServerDirectory]);

    /// <summary>The sample as built by the first run: <c>dotnet run --no-build --project samples/Faktum.Factuur.Console -- …</c>.</summary>
    private static Task<SampleRun> SampleAsync(params string[] arguments) =>
        RunAsync(["run", "--no-build", "--project", "samples/Faktum.Factuur.Console", "--", .. arguments]);

    private static async Task<SampleRun> RunAsync(string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryLayout.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A clean child build: nothing of the test run's own MSBuild leaks into it.
        foreach (var variable in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly", "VSTEST_HOST_DEBUG" })
        {
            start.Environment.Remove(variable);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var error = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (error) { error.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`dotnet {string.Join(' ', arguments)}` did not finish within {Timeout}. Output so far:\n{output}\n{error}");
        }

        process.WaitForExit();
        return new SampleRun(arguments, process.ExitCode, output.ToString(), error.ToString());
    }

    /// <summary>The newest one-time password mailed to <paramref name="email"/> in the embedded server's pickup folder.</summary>
    private static string OneTimePassword(string folder, string email)
    {
        foreach (var file in new DirectoryInfo(folder).GetFiles("*.eml").OrderByDescending(f => f.LastWriteTimeUtc))
        {
            var text = File.ReadAllText(file.FullName).Replace("=\r\n", string.Empty, StringComparison.Ordinal).Replace("=\n", string.Empty, StringComparison.Ordinal);
            if (text.Contains(email, StringComparison.OrdinalIgnoreCase)
                && Regex.Match(text, @"\b[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}\b") is { Success: true } match)
            {
                return match.Value;
            }
        }

        throw new InvalidOperationException($"No one-time password to {email} in {folder}.");
    }
}

/// <summary>One run of the sample: its arguments, exit code and what it wrote.</summary>
public sealed record SampleRun(IReadOnlyList<string> Arguments, int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Gets everything the user sees: standard output and standard error.</summary>
    public string Screen => StandardOutput + StandardError;

    public override string ToString() => $"dotnet {string.Join(' ', Arguments)} → exit {ExitCode}\n{StandardOutput}\n{StandardError}";
}

[CollectionDefinition(Name)]
public sealed class SampleDemoCollection : ICollectionFixture<SampleDemoFixture>
{
    public const string Name = "sample demo";
}
