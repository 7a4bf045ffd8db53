using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Keys;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Server.Hosting;

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
