using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Faktum.Factuur;

/// <summary>
/// The reference license server as a child process (<c>dotnet Faktum.Licensing.Server.dll</c>) on a free loopback port,
/// with its SQLite file and e-mail pickup folder in <see cref="DataDirectory"/>. A child process, not in-process: the
/// server is built against the SDK project, this sample against the SDK package, and the two must not share a process.
/// </summary>
internal sealed partial class EmbeddedServer : IAsyncDisposable
{
    private readonly Process _process;

    private EmbeddedServer(Process process, Uri baseAddress, string dataDirectory, IReadOnlyDictionary<string, string> keys)
    {
        _process = process;
        BaseAddress = baseAddress;
        DataDirectory = dataDirectory;
        TrustedKeys = keys;
    }

    /// <summary>
    /// Gets the embedded server's default data folder: one per user (LocalApplicationData/Faktum/Factuur/embedded-server),
    /// shared by every --data-dir, so that "--data-dir pc2" can recover the account registered with "--data-dir pc1".
    /// </summary>
    public static string DefaultDataDirectory { get; } =
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "Faktum", "Factuur", "embedded-server");

    public Uri BaseAddress { get; }

    public string DataDirectory { get; }

    public string MailDirectory => Path.Combine(DataDirectory, "mail");

    /// <summary>Gets the server's public keys (kid → x) as the SDK pins them.</summary>
    public IReadOnlyDictionary<string, string> TrustedKeys { get; }

    /// <summary>Runs one of the server executable's commands (for example <c>releases sign</c>) and returns its output.</summary>
    public static async Task<string> RunCommandAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var serverAssembly = ServerAssemblyPath();
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = Path.GetDirectoryName(serverAssembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(serverAssembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new EmbeddedServerException("The license server's command line could not be started.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return process.ExitCode == 0
            ? await output.ConfigureAwait(false)
            : throw new EmbeddedServerException($"`{string.Join(' ', start.ArgumentList.Skip(1).Take(2))}` failed: {await output.ConfigureAwait(false)} {await error.ConfigureAwait(false)}".Trim());
    }

    public static Task<EmbeddedServer> StartAsync(string dataDirectory, CancellationToken cancellationToken) =>
        StartAsync(dataDirectory, [], cancellationToken);

    public static async Task<EmbeddedServer> StartAsync(string dataDirectory, IEnumerable<string> configuration, CancellationToken cancellationToken)
    {
        var serverAssembly = ServerAssemblyPath();
        Directory.CreateDirectory(dataDirectory);
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = Path.GetDirectoryName(serverAssembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            serverAssembly,
            "--urls", "http://127.0.0.1:0",
            $"--FaktumServer:DataDirectory={dataDirectory}",
            "--Logging:LogLevel:Default=Warning",
            "--FaktumServer:Email:ProductNames:faktum-factuur=Faktum Factuur",   // the mails name the product, not its id
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information",
        }.Concat(configuration))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment.Remove("ASPNETCORE_URLS");

        var process = Process.Start(start) ?? throw new EmbeddedServerException("The embedded license server could not be started.");
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && ListeningLine().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups["url"].Value.TrimEnd('/') + "/"));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                lock (errors)
                {
                    errors.AppendLine(line);
                }
            }
        };
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => listening.TrySetException(new EmbeddedServerException(
            string.Create(CultureInfo.InvariantCulture, $"The embedded license server stopped (exit code {process.ExitCode}): {errors}")));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            var baseAddress = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);
            var keys = await ReadKeysAsync(baseAddress, cancellationToken).ConfigureAwait(false);
            return new EmbeddedServer(process, baseAddress, dataDirectory, keys);
        }
        catch
        {
            Stop(process);
            process.Dispose();
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop(_process);
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>
    /// The keys come from the server this process just started on loopback, so reading its JWKS is as trustworthy as
    /// <c>keys export</c>; a real host app pins them in its configuration (see --trusted-key).
    /// </summary>
    private static async Task<IReadOnlyDictionary<string, string>> ReadKeysAsync(Uri baseAddress, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var jwks = await client.GetFromJsonAsync<JsonWebKeySet>(".well-known/jwks.json", cancellationToken).ConfigureAwait(false);
        return (jwks?.Keys ?? []).Where(k => k.Kid is not null && k.X is not null).ToDictionary(k => k.Kid!, k => k.X!, StringComparer.Ordinal);
    }

    private static string ServerAssemblyPath()
    {
        var path = typeof(EmbeddedServer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "FaktumServerAssembly")?.Value;
        return path is not null && File.Exists(path)
            ? path
            : throw new EmbeddedServerException($"The reference server was not found at '{path}'. Build the sample with 'dotnet build samples/Faktum.Factuur.Console', or pass --server.");
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    [GeneratedRegex(@"Now listening on: (?<url>http://\S+)")]
    private static partial Regex ListeningLine();

    private sealed record JsonWebKeySet([property: JsonPropertyName("keys")] IReadOnlyList<JsonWebKey>? Keys);

    private sealed record JsonWebKey([property: JsonPropertyName("kid")] string? Kid, [property: JsonPropertyName("x")] string? X);
}

/// <summary>The embedded server (or its command line) failed; the message holds its own (English) output, for the log.</summary>
internal sealed class EmbeddedServerException(string message) : InvalidOperationException(message);
