using System.Diagnostics;
using System.Text;

namespace Faktum.Licensing.Package.Tests;

/// <summary>
/// Runs the README's first command once, as a child process, exactly as a newcomer would (plus --json):
/// <c>dotnet run --project samples/Faktum.Factuur.Console -- demo --json</c>. It packs the SDK, restores the sample
/// from the packed package only, builds it and walks S1–S7 on the embedded server.
/// </summary>
public sealed class SampleDemoFixture : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    public int ExitCode { get; private set; }

    public string StandardOutput { get; private set; } = string.Empty;

    public string StandardError { get; private set; } = string.Empty;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "faktum-sample-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryLayout.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "run", "--project", "samples/Faktum.Factuur.Console", "--", "demo", "--json", "--data-dir", DataDirectory })
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
            throw new TimeoutException($"The sample's demo did not finish within {Timeout}. Output so far:\n{output}\n{error}");
        }

        process.WaitForExit();
        ExitCode = process.ExitCode;
        StandardOutput = output.ToString();
        StandardError = error.ToString();
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
}

[CollectionDefinition(Name)]
public sealed class SampleDemoCollection : ICollectionFixture<SampleDemoFixture>
{
    public const string Name = "sample demo";
}
