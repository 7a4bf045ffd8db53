using Faktum.Licensing.Server.Hosting;
using Faktum.Licensing.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Faktum.Licensing.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The real license server on Kestrel (127.0.0.1, a free port) with a temporary root folder holding its data folder (SQLite file,
/// keys, pickup folder) and the SDK's data folders ("computers"). Disposing it stops the server and deletes the root.
/// </summary>
internal sealed class E2eServer : IAsyncDisposable
{
    public const string Product = "faktum-factuur";
    public const string AdminKey = "e2e-admin-key-0123456789-abcdefghij";

    /// <summary>The moment every test starts at; the server and the SDK share one fake clock.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private readonly LicenseServerHostOptions _options;
    private RunningLicenseServer? _server;

    private E2eServer(RunningLicenseServer server, LicenseServerHostOptions options, string root, FakeTimeProvider time)
    {
        _server = server;
        _options = options;
        Root = root;
        Time = time;
        BaseAddress = server.BaseAddress;
        DataDirectory = server.DataDirectory;
        TrustedKeys = server.PublicKeys.ToDictionary(k => k.KeyId, k => k.ExportPublicKeyBase64Url(), StringComparer.Ordinal);
        SigningKeyId = server.SigningKeyId;
        Admin = new HttpClient { BaseAddress = server.BaseAddress };
        Admin.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
    }

    public string Root { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>Gets the address of the running server (a restart listens on a new port).</summary>
    public Uri BaseAddress { get; private set; }

    public string DataDirectory { get; }

    /// <summary>The server's public keys as the SDK pins them: kid → base64url x.</summary>
    public IReadOnlyDictionary<string, string> TrustedKeys { get; private set; }

    /// <summary>The <c>kid</c> of the key the running server signs with.</summary>
    public string SigningKeyId { get; private set; }

    /// <summary>A client for the admin API, with the API key.</summary>
    public HttpClient Admin { get; private set; }

    public string PickupDirectory => Path.Combine(DataDirectory, "mail");

    public static async Task<E2eServer> StartAsync(Action<IServiceCollection>? services = null, Action<IDictionary<string, string?>>? configure = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "faktum-e2e-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var time = new FakeTimeProvider(Start);
        var options = new LicenseServerHostOptions
        {
            DataDirectory = Path.Combine(root, "server"),
            Urls = "http://127.0.0.1:0",
            TimeProvider = time,
            ConfigureServices = services,
        };
        options.Configuration["FaktumServer:AdminApiKey"] = AdminKey;
        options.Configuration["FaktumServer:RateLimits:PermitsPerAddress"] = "100000";
        options.Configuration["FaktumServer:RateLimits:PermitsPerEmail"] = "100000";
        options.Configuration["Logging:LogLevel:Default"] = "Warning";
        configure?.Invoke(options.Configuration);
        var server = await LicenseServerHost.StartAsync(options);
        return new E2eServer(server, options, root, time);
    }

    /// <summary>A data folder for one installation of the host app ("a computer").</summary>
    public string Computer(string name) => Path.Combine(Root, name);

    /// <summary>The running server's services (its database, for tests that play a compromised server).</summary>
    public IServiceProvider Services => (_server ?? throw new InvalidOperationException("The server is stopped.")).Services;

    /// <summary>Stops the server: the SDK then finds nobody listening on its port.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _server, null) is { } server)
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>Stops the server and starts a new one on the same data folder (database, keys, pickup folder).</summary>
    public Task RestartAsync() => RestartAsync(_ => { });

    /// <summary>Stops the server, changes its configuration (e.g. its key files) and starts it again on the same data folder.</summary>
    public async Task RestartAsync(Action<IDictionary<string, string?>> reconfigure)
    {
        await StopAsync();
        reconfigure(_options.Configuration);
        var server = await LicenseServerHost.StartAsync(_options);
        _server = server;
        BaseAddress = server.BaseAddress;
        TrustedKeys = server.PublicKeys.ToDictionary(k => k.KeyId, k => k.ExportPublicKeyBase64Url(), StringComparer.Ordinal);
        SigningKeyId = server.SigningKeyId;
        Admin.Dispose();
        Admin = new HttpClient { BaseAddress = server.BaseAddress };
        Admin.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
    }

    /// <summary>Reads the one-time password of the <paramref name="count"/>-th mail to <paramref name="email"/> from the pickup folder.</summary>
    public string ReadOneTimePassword(string email, int count = 1)
    {
        var messages = WaitForMessagesTo(email, count);
        Assert.True(messages.Count >= count, $"Expected {count} mail(s) to {email} in the pickup folder, found {messages.Count}.");
        return PickupFolder.PasswordIn(messages[^1]) ?? throw new Xunit.Sdk.XunitException("The mail holds no one-time password.");
    }

    /// <summary>Mails leave once the response is complete: wait (briefly) until <paramref name="count"/> have arrived.</summary>
    public IReadOnlyList<MimeMessage> WaitForMessagesTo(string email, int count = 1) => PickupFolder.WaitForMessagesTo(PickupDirectory, email, count);

    public IReadOnlyList<MimeMessage> MessagesTo(string email) => PickupFolder.MessagesTo(PickupDirectory, email);

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
