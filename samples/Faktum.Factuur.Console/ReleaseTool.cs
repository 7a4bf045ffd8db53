using System.Text.Json;

namespace Faktum.Factuur;

/// <summary>
/// The vendor's side of a release, through the license server's own command line: a release key pair (kept off the
/// server), and a signed manifest published through the admin API. The app only ever sees the public half.
/// </summary>
internal sealed class ReleaseTool(string keyFile, string adminApiKey)
{
    public IReadOnlyDictionary<string, string> PinnedKeys { get; private set; } = new Dictionary<string, string>();

    /// <summary>Gets the server settings that pin the release key and enable the admin API.</summary>
    public IEnumerable<string> ServerConfiguration =>
        PinnedKeys.Select(k => $"--FaktumServer:Updates:ReleaseKeys:{k.Key}={k.Value}").Append($"--FaktumServer:AdminApiKey={adminApiKey}");

    public async Task CreateKeyAsync(CancellationToken cancellationToken)
    {
        var printed = await EmbeddedServer.RunCommandAsync(["releases", "keygen", "--out", keyFile], cancellationToken).ConfigureAwait(false);
        PinnedKeys = JsonSerializer.Deserialize<Dictionary<string, string>>(printed) ?? throw new EmbeddedServerException("releases keygen printed no key.");
    }

    public async Task PublishAsync(Uri server, string version, CancellationToken cancellationToken)
    {
        var signed = Path.Combine(Path.GetDirectoryName(keyFile)!, $"release-{version}.json");
        await EmbeddedServer.RunCommandAsync(
        [
            "releases", "sign", "--key", keyFile, "--product", LicensingHost.ProductId, "--release-id", $"faktum-factuur-{version}",
            "--sequence", "1", "--version", version, "--channel", "stable",
            "--notes-url", $"https://faktum.example/releases/{version}", "--download-url", $"https://faktum.example/download/faktum-factuur-{version}.zip",
            "--sha256", new string('0', 64), "--size", "1048576", "--out", signed,
        ], cancellationToken).ConfigureAwait(false);
        await EmbeddedServer.RunCommandAsync(["releases", "publish", "--file", signed, "--server", server.ToString(), "--api-key", adminApiKey], cancellationToken).ConfigureAwait(false);
    }
}
