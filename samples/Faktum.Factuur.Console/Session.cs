using Faktum.Licensing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Faktum.Factuur;

/// <summary>The shared command-line options, parsed.</summary>
internal sealed record GlobalSettings(Uri? Server, string DataDirectory, string ServerDataDirectory, IReadOnlyDictionary<string, string> TrustedKeys, string? AppVersion, string Channel, string Language, bool Json);

/// <summary>
/// One run of the program: the license server (the one given with --server, or the embedded one) and this computer's
/// host. Without --server the embedded server keeps its data in the --server-data folder (shared by every DATA-DIR, so a
/// second DATA-DIR is "another computer" of the same server) and the SDK its state in DATA-DIR/app.
/// </summary>
internal sealed class Session : IAsyncDisposable
{
    private Session(EmbeddedServer? server, LicensingSettings settings, IHost host)
    {
        Server = server;
        Settings = settings;
        Host = host;
    }

    public EmbeddedServer? Server { get; }

    public LicensingSettings Settings { get; }

    public IHost Host { get; }

    public IFaktumLicensing Licensing => Host.Services.GetRequiredService<IFaktumLicensing>();

    public static async Task<Session> OpenAsync(GlobalSettings global, Output output, CancellationToken cancellationToken)
    {
        EmbeddedServer? server = null;
        LicensingSettings settings;
        if (global.Server is { } url)
        {
            if (global.TrustedKeys.Count == 0)
            {
                throw new UserMessageException(output.Texts.ServerNeedsTrustedKey);
            }

            settings = new LicensingSettings(url, global.TrustedKeys, global.AppVersion, global.Channel);
        }
        else
        {
            server = await EmbeddedServer.StartAsync(global.ServerDataDirectory, [$"--FaktumServer:Email:Language={global.Language}"], cancellationToken).ConfigureAwait(false);
            output.Line(output.Texts.ServerStarted(server.BaseAddress));
            var keys = global.TrustedKeys.Count > 0 ? global.TrustedKeys : server.TrustedKeys;
            settings = new LicensingSettings(server.BaseAddress, keys, global.AppVersion, global.Channel);
        }

        try
        {
            var host = LicensingHost.Build(settings, Path.Combine(global.DataDirectory, "app"), output.Log);
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            return new Session(server, settings, host);
        }
        catch
        {
            if (server is not null)
            {
                await server.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync().ConfigureAwait(false);
        Host.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync().ConfigureAwait(false);
        }
    }
}
