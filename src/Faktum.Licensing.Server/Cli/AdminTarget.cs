using System.CommandLine;
using System.Net.Http.Json;
using Faktum.Licensing.Server.Admin;

namespace Faktum.Licensing.Server.Cli;

/// <summary>
/// Where an admin command acts: a running server's admin API (<c>--server</c> with <c>--api-key</c>; the server records the
/// key's name as actor) or the data folder directly (<c>--data-dir</c>; the audit rows record Source=cli and the OS user).
/// Both print through <see cref="CliOutput"/>, so a command looks the same either way.
/// </summary>
internal sealed class AdminTarget(Option<string> dataDir, Option<string?> server, Option<string?> apiKey)
{
    public Option<string> DataDir => dataDir;

    public Option<string?> Server => server;

    public Option<string?> ApiKey => apiKey;

    /// <summary>Runs an action: remotely as <paramref name="method"/> <paramref name="path"/> with <paramref name="body"/>, or directly.</summary>
    public async Task<int> ActAsync<T>(
        ParseResult parse, string headline, HttpMethod method, string path, object? body, Func<AdminOperations, CancellationToken, Task<AdminOutcome<T>>> direct, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(direct);
        if (Remote(parse) is { } client)
        {
            using (client)
            {
                using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = method == HttpMethod.Get ? null : JsonContent.Create(body ?? new { }) };
                using var response = await SendAsync(client, request, cancellationToken).ConfigureAwait(false);
                return await CliOutput.FromResponseAsync(parse, response, headline, cancellationToken).ConfigureAwait(false);
            }
        }

        return await DirectAsync(parse, async services =>
            CliOutput.From(parse, await direct(services.GetRequiredService<AdminOperations>(), cancellationToken).ConfigureAwait(false), headline)).ConfigureAwait(false);
    }

    /// <summary>Runs an action of another operations service: remotely as <paramref name="method"/> <paramref name="path"/>, or directly (<see langword="null"/> is not found).</summary>
    public async Task<int> ActOnAsync<T>(
        ParseResult parse, string headline, HttpMethod method, string path, object? body, Func<IServiceProvider, CancellationToken, Task<T?>> direct, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(direct);
        if (Remote(parse) is { } client)
        {
            using (client)
            {
                using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = method == HttpMethod.Get ? null : JsonContent.Create(body ?? new { }) };
                using var response = await SendAsync(client, request, cancellationToken).ConfigureAwait(false);
                return await CliOutput.FromResponseAsync(parse, response, headline, cancellationToken).ConfigureAwait(false);
            }
        }

        return await DirectAsync(parse, async services => await direct(services, cancellationToken).ConfigureAwait(false) is { } value
            ? CliOutput.Done(parse, headline, value)
            : CliOutput.Fail(parse, CliExitCodes.NotFound, "not-found", "Not found.")).ConfigureAwait(false);
    }

    /// <summary>Runs a read: remotely as GET <paramref name="path"/>, or directly (<see langword="null"/> is not found).</summary>
    public Task<int> ReadAsync<T>(ParseResult parse, string headline, string path, Func<IServiceProvider, CancellationToken, Task<T?>> direct, CancellationToken cancellationToken)
        where T : class => ActOnAsync(parse, headline, HttpMethod.Get, path, null, direct, cancellationToken);

    /// <summary>Runs an export to <paramref name="file"/>: remotely the body of GET <paramref name="path"/> is written there, directly <paramref name="direct"/> writes it.</summary>
    public async Task<int> ExportAsync(ParseResult parse, string path, string file, Func<IServiceProvider, TextWriter, CancellationToken, Task> direct, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(direct);
        var done = new { file = Path.GetFullPath(file) };
        if (Remote(parse) is { } client)
        {
            using (client)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
                using var response = await SendAsync(client, request, cancellationToken).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    return await CliOutput.FromResponseAsync(parse, response, string.Empty, cancellationToken).ConfigureAwait(false);
                }

                await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                return CliOutput.Done(parse, $"Wrote {done.file}", done);
            }
        }

        return await DirectAsync(parse, async services =>
        {
            var writer = new StreamWriter(file, append: false, new System.Text.UTF8Encoding(false));
            await using (writer.ConfigureAwait(false))
            {
                await direct(services, writer, cancellationToken).ConfigureAwait(false);
            }

            return CliOutput.Done(parse, $"Wrote {done.file}", done);
        }).ConfigureAwait(false);
    }

    /// <summary>An HTTP client for <c>--server</c> with the key, or <see langword="null"/> for the direct mode.</summary>
    public HttpClient? Remote(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (parse.GetValue(server) is not { } value)
        {
            return null;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new CliException(CliExitCodes.Usage, "usage", $"--server '{value}' is not an absolute http(s) URL, e.g. http://localhost:5080.");
        }

        var key = parse.GetValue(apiKey) is { Length: > 0 } given ? given : Environment.GetEnvironmentVariable("FAKTUM_ADMIN_API_KEY");
        return key is { Length: > 0 }
            ? ServerCommandLine.Client(uri, key)
            : throw new CliException(CliExitCodes.Usage, "usage", "--server needs the admin API key: pass --api-key or set FAKTUM_ADMIN_API_KEY.");
    }

    /// <summary>Sends a request; a server that cannot be reached is <see cref="CliExitCodes.Unreachable"/>, one line.</summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            return await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new CliException(CliExitCodes.Unreachable, "unreachable", $"Cannot reach the server at {client.BaseAddress}: {e.Message}");
        }
    }

    private async Task<int> DirectAsync(ParseResult parse, Func<IServiceProvider, Task<int>> act)
    {
        var provider = ServerCommandLine.DirectServices(parse.GetValue(dataDir)!);
        await using var disposeProvider = provider.ConfigureAwait(false);
        var scope = provider.CreateAsyncScope();
        await using var disposeScope = scope.ConfigureAwait(false);
        return await act(scope.ServiceProvider).ConfigureAwait(false);
    }
}
