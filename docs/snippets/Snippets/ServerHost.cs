using Faktum.Licensing.Server.Hosting;

namespace Faktum.Licensing.Docs.Snippets;

/// <summary>docs/server.md, the server in a process of your own.</summary>
internal static class ServerHost
{
    public static async Task RunAsync()
    {
        #region server-host
        await using var server = await LicenseServerHost.StartAsync(new LicenseServerHostOptions
        {
            DataDirectory = "/tmp/faktum-demo",   // absolute, or relative to the app's base directory
            Urls = "http://127.0.0.1:0",          // default: a free loopback port
            // Configuration = { ["FaktumServer:TrialDays"] = "14" },
            // TimeProvider = fakeTime,  ConfigureServices = services => …,
        });
        Console.WriteLine(server.BaseAddress);   // e.g. http://127.0.0.1:41234/
        // server.DataDirectory, server.PublicKeys (the SDK's Ed25519SecurityKey: public keys)
        #endregion
    }
}
