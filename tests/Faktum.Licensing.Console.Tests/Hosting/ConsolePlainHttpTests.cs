using System.Net;
using Faktum.Licensing.Server.Hosting;
using Faktum.Licensing.Server.WebConsole;

namespace Faktum.Licensing.Console.Tests.Hosting;

/// <summary>The console never answers plain HTTP on the network unless the vendor says so (a proxy in front ends TLS).</summary>
public sealed class ConsolePlainHttpTests
{
    [Fact]
    public async Task A_server_on_every_address_over_plain_http_refuses_to_start_with_a_message_that_names_the_setting()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync("http://0.0.0.0:0", _ => { }));

        Assert.Contains("plain HTTP on a non-loopback address (http://0.0.0.0:0)", error.Message, StringComparison.Ordinal);
        Assert.Contains("FaktumServer:Console:AllowPlainHttp=true", error.Message, StringComparison.Ordinal);
        Assert.Contains("FaktumServer:Console:Url", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("allowed")]
    [InlineData("own-loopback-url")]
    [InlineData("console-off")]
    public async Task A_server_on_every_address_starts_when_plain_http_is_allowed_the_console_has_a_loopback_url_or_is_off(string setting)
    {
        await using var server = await StartAsync("http://0.0.0.0:0", c =>
        {
            switch (setting)
            {
                case "allowed":
                    c["FaktumServer:Console:AllowPlainHttp"] = "true";
                    break;
                case "own-loopback-url":
                    c["FaktumServer:Console:Url"] = $"http://127.0.0.1:{FreePort()}";
                    break;
                default:
                    c["FaktumServer:Console:Enabled"] = "false";
                    break;
            }
        });
        using var http = new HttpClient();

        using var health = await http.GetAsync(new Uri($"http://127.0.0.1:{server.BaseAddress.Port}/health"));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Theory]
    [InlineData("http://0.0.0.0:8080", true)]
    [InlineData("http://*:8080", true)]
    [InlineData("http://+:8080", true)]
    [InlineData("http://[::]:8080", true)]
    [InlineData("http://10.0.0.5:5081", true)]
    [InlineData("http://licenses.vendor.example:80", true)]
    [InlineData("http://localhost:5080", false)]
    [InlineData("http://127.0.0.1:5081", false)]
    [InlineData("http://[::1]:5081", false)]
    [InlineData("https://0.0.0.0:8443", false)]
    public void Plain_http_on_the_network_is_any_http_url_but_localhost_and_loopback_addresses(string url, bool onTheNetwork) =>
        Assert.Equal(onTheNetwork, ConsoleHosting.IsPlainHttpOnTheNetwork(url));

    private static async Task<TemporaryServer> StartAsync(string urls, Action<IDictionary<string, string?>> configure)
    {
        var root = Path.Combine(Path.GetTempPath(), "faktum-console-tests", Guid.NewGuid().ToString("N"));
        var options = new LicenseServerHostOptions { DataDirectory = Path.Combine(root, "data"), Urls = urls };
        options.Configuration["Logging:LogLevel:Default"] = "Warning";
        configure(options.Configuration);
        try
        {
            return new TemporaryServer(await LicenseServerHost.StartAsync(options), root);
        }
        catch
        {
            Delete(root);
            throw;
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Delete(string root)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (IOException)
        {
        }
    }

    /// <summary>A server with its temporary folder, removed at the end.</summary>
    private sealed class TemporaryServer(RunningLicenseServer server, string root) : IAsyncDisposable
    {
        public Uri BaseAddress => server.BaseAddress;

        public async ValueTask DisposeAsync()
        {
            await server.DisposeAsync();
            Delete(root);
        }
    }
}
