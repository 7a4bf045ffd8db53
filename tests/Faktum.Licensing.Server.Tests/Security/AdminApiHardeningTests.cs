using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Hosting;
using Faktum.Licensing.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Server.Tests.Security;

/// <summary>F11: a strong admin key, failed attempts throttled per client address, and no admin API over plain HTTP on a
/// non-loopback address without an explicit opt-in.</summary>
public sealed class AdminApiHardeningTests
{
    [Theory]
    [InlineData("aaaaaaaaaaaaaaaa")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("abababababababababababababababababababab")]
    [InlineData("Zq3x9Lp0Wm7Rt2Yb5Nc8Vd1Kf4Hg6Js")] // random, but 31 characters
    public async Task A_weak_admin_key_is_refused_at_start_with_a_message_naming_the_fix(string key)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => ServerFixture.StartAsync(configure: c => c["FaktumServer:AdminApiKey"] = key));

        Assert.Contains("FaktumServer:AdminApiKey", failure.Message, StringComparison.Ordinal);
        Assert.Contains("openssl rand -base64 32", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_random_key_of_32_characters_is_accepted()
    {
        await using var server = await ServerFixture.StartAsync(configure: c => c["FaktumServer:AdminApiKey"] = "Zq3x9Lp0Wm7Rt2Yb5Nc8Vd1Kf4Hg6Js+");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/admin/releases");
        request.Headers.Add("X-Api-Key", "Zq3x9Lp0Wm7Rt2Yb5Nc8Vd1Kf4Hg6Js+");
        using var response = await server.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task After_too_many_wrong_keys_an_address_gets_429_without_its_key_being_checked()
    {
        await using var server = await ServerFixture.StartAsync(configure: c => c["FaktumServer:Admin:FailedAttemptsPerAddress"] = "3");

        for (var i = 0; i < 3; i++)
        {
            using var wrong = await AdminGetAsync(server, "wrong-key-" + i);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var fourth = await AdminGetAsync(server, "wrong-key-4");
        using var right = await AdminGetAsync(server, ServerFixture.AdminKey);

        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.Equal(ProblemTypes.RateLimited, (await ServerFixture.ReadProblemAsync(fourth)).GetProperty("type").GetString());
        Assert.NotNull(fourth.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
    }

    [Fact]
    public async Task A_right_key_does_not_count_as_a_failed_attempt()
    {
        await using var server = await ServerFixture.StartAsync(configure: c => c["FaktumServer:Admin:FailedAttemptsPerAddress"] = "2");

        for (var i = 0; i < 5; i++)
        {
            using var right = await AdminGetAsync(server, ServerFixture.AdminKey);
            Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        }
    }

    [Fact]
    public async Task The_admin_api_is_refused_over_plain_http_on_a_non_loopback_address()
    {
        if (NonLoopbackAddress() is not { } address)
        {
            return; // this machine has no address but loopback: nothing to test
        }

        await using var server = await StartOnAllAddressesAsync(allowPlainHttp: false);
        using var http = new HttpClient { BaseAddress = new Uri($"http://{address}:{server.BaseAddress.Port}/") };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/admin/releases");
        request.Headers.Add("X-Api-Key", ServerFixture.AdminKey);

        using var response = await http.SendAsync(request);
        using var health = await http.GetAsync("/health");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("urn:faktum:problem:https-required", (await ServerFixture.ReadProblemAsync(response)).GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task With_the_explicit_opt_in_the_admin_api_answers_over_plain_http_and_a_warning_is_logged()
    {
        if (NonLoopbackAddress() is not { } address)
        {
            return;
        }

        await using var server = await StartOnAllAddressesAsync(allowPlainHttp: true);
        using var http = new HttpClient { BaseAddress = new Uri($"http://{address}:{server.BaseAddress.Port}/") };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/admin/releases");
        request.Headers.Add("X-Api-Key", ServerFixture.AdminKey);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var warnings = server.Services.GetFakeLogCollector().GetSnapshot().Where(r => r.Level >= LogLevel.Warning && r.Message.Contains("plain HTTP", StringComparison.Ordinal));
        Assert.NotEmpty(warnings);
    }

    private static async Task<AllAddressesServer> StartOnAllAddressesAsync(bool allowPlainHttp)
    {
        var root = Path.Combine(Path.GetTempPath(), "faktum-server-tests", Guid.NewGuid().ToString("N"));
        var options = new LicenseServerHostOptions
        {
            DataDirectory = Path.Combine(root, "data"),
            Urls = "http://0.0.0.0:0",
            ConfigureServices = s => s.AddLogging(b => b.AddFakeLogging()),
        };
        options.Configuration["FaktumServer:AdminApiKey"] = ServerFixture.AdminKey;
        options.Configuration["FaktumServer:Admin:AllowPlainHttp"] = allowPlainHttp ? "true" : "false";
        options.Configuration["FaktumServer:Console:Enabled"] = "false"; // the console refuses plain HTTP on every address (ConsoleHostingTests)
        options.Configuration["Logging:LogLevel:Default"] = "Warning";
        return new AllAddressesServer(await LicenseServerHost.StartAsync(options), root);
    }

    /// <summary>A server listening on every address, with its temp folder removed at the end.</summary>
    private sealed class AllAddressesServer(RunningLicenseServer server, string root) : IAsyncDisposable
    {
        public Uri BaseAddress => server.BaseAddress;

        public IServiceProvider Services => server.Services;

        public async ValueTask DisposeAsync()
        {
            await server.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static IPAddress? NonLoopbackAddress() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));

    private static async Task<HttpResponseMessage> AdminGetAsync(ServerFixture server, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/admin/releases");
        request.Headers.Add("X-Api-Key", key);
        return await server.Http.SendAsync(request);
    }
}
