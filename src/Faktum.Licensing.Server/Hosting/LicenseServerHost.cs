using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Keys;
using Faktum.Licensing.Tokens;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Server.Hosting;

/// <summary>How to start the license server in-process (tests, the sample's demo).</summary>
public sealed class LicenseServerHostOptions
{
    /// <summary>Gets or sets the data folder; <see langword="null"/> uses the configured one (default <c>./data</c>).</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Gets or sets the URLs to listen on.</summary>
    /// <value><c>http://127.0.0.1:0</c>: a free loopback port.</value>
    public string Urls { get; set; } = "http://127.0.0.1:0";

    /// <summary>Gets or sets the environment name.</summary>
    /// <value>Production.</value>
    public string EnvironmentName { get; set; } = Environments.Production;

    /// <summary>Gets configuration overrides, e.g. <c>["FaktumServer:TrialDays"] = "14"</c>.</summary>
    public IDictionary<string, string?> Configuration { get; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets or sets a clock to use instead of the system clock (e.g. a FakeTimeProvider).</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Gets or sets a hook that runs after the server registered its services (replace services, add loggers).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }
}

/// <summary>Starts the license server in-process on Kestrel.</summary>
public static class LicenseServerHost
{
    /// <summary>Starts the server and returns once it listens.</summary>
    /// <param name="options">Where to listen and which data folder to use.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A handle that stops the server when disposed.</returns>
    public static async Task<RunningLicenseServer> StartAsync(LicenseServerHostOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(LicenseServerHost).Assembly.GetName().Name,
            EnvironmentName = options.EnvironmentName,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.WebHost.UseUrls(options.Urls);
        var overrides = new Dictionary<string, string?>(options.Configuration, StringComparer.OrdinalIgnoreCase);
        if (options.DataDirectory is not null)
        {
            overrides["FaktumServer:DataDirectory"] = options.DataDirectory;
        }

        builder.Configuration.AddInMemoryCollection(overrides);
        var app = await ServerApplication.BuildAsync(builder, services =>
        {
            if (options.TimeProvider is not null)
            {
                services.AddSingleton(options.TimeProvider);
            }

            options.ConfigureServices?.Invoke(services);
        }, cancellationToken).ConfigureAwait(false);

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var settings = app.Services.GetRequiredService<IOptions<FaktumServerOptions>>().Value;
        var keys = app.Services.GetRequiredService<SigningKeyRing>();
        return new RunningLicenseServer(app, new Uri(address.TrimEnd('/') + "/"), settings.DataDirectory, keys.PublicKeys, keys.Signing.KeyId);
    }
}

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
