using Faktum.Licensing.Tokens;

namespace Faktum.Licensing.Server.Hosting;

/// <summary>A license server running in-process; dispose it to stop it.</summary>
public sealed class RunningLicenseServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    internal RunningLicenseServer(WebApplication app, Uri baseAddress, string dataDirectory, IReadOnlyList<Ed25519SecurityKey> publicKeys, string signingKeyId)
    {
        _app = app;
        BaseAddress = baseAddress;
        DataDirectory = dataDirectory;
        PublicKeys = publicKeys;
        SigningKeyId = signingKeyId;
    }

    /// <summary>Gets the address the server listens on, ending in '/'.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Gets the full path of the data folder.</summary>
    public string DataDirectory { get; }

    /// <summary>Gets the public keys that verify: the verification-only keys, then the signing keys oldest first (the last one signs).</summary>
    public IReadOnlyList<Ed25519SecurityKey> PublicKeys { get; }

    /// <summary>Gets the <c>kid</c> of the key that signs.</summary>
    public string SigningKeyId { get; }

    /// <summary>Gets the server's services (for tests).</summary>
    public IServiceProvider Services => _app.Services;

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
