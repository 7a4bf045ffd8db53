using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Hosting;
using Faktum.Licensing.Server.Storage;
using Faktum.Licensing.Testing;
using Faktum.Licensing.Tokens;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using MimeKit;

namespace Faktum.Licensing.Server.Tests.Infrastructure;

/// <summary>A real license server on Kestrel (127.0.0.1, free port) with its own temp data folder, pickup folder and database
/// (a SQLite file, or a PostgreSQL database of its own, dropped at the end).</summary>
internal sealed class ServerFixture : IAsyncDisposable
{
    public const string Product = "faktum-factuur";
    public const string Issuer = "faktum-licensing-server";
    public const string AdminKey = "test-admin-key-0123456789-abcdefghij";

    private readonly PostgresTestDatabase? _database;

    private ServerFixture(RunningLicenseServer server, string root, FakeTimeProvider? time, PostgresTestDatabase? database)
    {
        _database = database;
        Server = server;
        Root = root;
        Time = time;
        Http = new HttpClient { BaseAddress = server.BaseAddress };
    }

    public RunningLicenseServer Server { get; }

    public string Root { get; }

    public FakeTimeProvider? Time { get; }

    public HttpClient Http { get; }

    public string PickupDirectory => Path.Combine(Server.DataDirectory, "mail");

    public static async Task<ServerFixture> StartAsync(
        FakeTimeProvider? time = null,
        Action<IDictionary<string, string?>>? configure = null,
        Action<IServiceCollection>? services = null,
        string? dataDirectory = null,
        StorageProvider provider = StorageProvider.Sqlite)
    {
        var root = Path.Combine(Path.GetTempPath(), "faktum-server-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var options = new LicenseServerHostOptions { DataDirectory = dataDirectory ?? Path.Combine(root, "data"), TimeProvider = time, ConfigureServices = services };
        options.Configuration["FaktumServer:AdminApiKey"] = AdminKey;
        options.Configuration["FaktumServer:RateLimits:PermitsPerAddress"] = "100000";
        options.Configuration["FaktumServer:RateLimits:PermitsPerEmail"] = "100000";
        options.Configuration["FaktumServer:RateLimits:StartupPermitsPerAddress"] = "100000";
        options.Configuration["FaktumServer:RateLimits:CompanyCorrectionPermitsPerAddress"] = "100000";
        options.Configuration["Logging:LogLevel:Default"] = "Warning";
        var database = provider == StorageProvider.PostgreSql ? await PostgresTestDatabase.CreateAsync() : null;
        if (database is not null)
        {
            options.Configuration["FaktumServer:Storage:Provider"] = nameof(StorageProvider.PostgreSql);
            options.Configuration["FaktumServer:Storage:ConnectionString"] = database.ConnectionString;
        }

        configure?.Invoke(options.Configuration);
        try
        {
            var server = await LicenseServerHost.StartAsync(options);
            return new ServerFixture(server, root, time, database);
        }
        catch
        {
            if (database is not null)
            {
                await database.DisposeAsync();
            }

            throw;
        }
    }

    public static RegistrationRequest Registration(string email, string name = "Bakkerij Jansen B.V.", string postcode = "1234 AB", string installationId = "install-one-0001") =>
        new(Product, new CompanyInput(name, postcode, "NL", "Dorpsstraat", "12a", "Utrecht"), new ContactInput("Jan Jansen", "+31 30 123 4567"), email, installationId);

    public Task<HttpResponseMessage> PostAsync<T>(string path, T body) => Http.PostAsJsonAsync(path, body, Json);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Registers, reads the one-time password from the pickup folder and confirms; returns the license response.</summary>
    public async Task<LicenseResponse> RegisterAndConfirmAsync(string email, string installationId = "install-one-0001", string name = "Bakkerij Jansen B.V.", string postcode = "1234 AB")
    {
        using var registered = await PostAsync("/v1/registrations", Registration(email, name, postcode, installationId));
        Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        return await ConfirmAsync(email, ReadOneTimePassword(email), installationId);
    }

    public async Task<LicenseResponse> ConfirmAsync(string email, string password, string installationId)
    {
        using var confirmed = await PostAsync("/v1/confirmations", new ConfirmationRequest(email, password, installationId, Product));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        return (await confirmed.Content.ReadFromJsonAsync<LicenseResponse>(Json))!;
    }

    /// <summary>Reads the newest one-time password mailed to <paramref name="email"/> from the pickup folder.</summary>
    public string ReadOneTimePassword(string email, int count = 1) => ExtractPassword(NewestMessageTo(email, count));

    /// <summary>Mails are sent once the response is complete: wait (briefly) until <paramref name="count"/> have arrived.</summary>
    public IReadOnlyList<MimeMessage> WaitForMessagesTo(string email, int count = 1) => PickupFolder.WaitForMessagesTo(PickupDirectory, email, count);

    public IReadOnlyList<MimeMessage> MessagesTo(string email) => PickupFolder.MessagesTo(PickupDirectory, email);

    public MimeMessage NewestMessageTo(string email, int count = 1) => WaitForMessagesTo(email, count)[^1];

    public static string ExtractPassword(MimeMessage message) =>
        PickupFolder.PasswordIn(message) ?? throw new Xunit.Sdk.XunitException("The mail holds no one-time password.");

    /// <summary>Calls /v1/startup and returns the verified payload of the signed response.</summary>
    public Task<JsonElement> StartupAsync(string license, string nonce = "bm9uY2Utbm9uY2Utbm9uY2U") =>
        StartupAsync(new StartupRequest(license, "1.2.3", "stable", nonce));

    /// <summary>Sends <paramref name="request"/> to /v1/startup and returns the verified payload of the signed response.</summary>
    public async Task<JsonElement> StartupAsync(StartupRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var nonce = request.Nonce;
        using var response = await PostAsync("/v1/startup", request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var envelope = (await response.Content.ReadFromJsonAsync<StartupResponseEnvelope>(Json))!;
        // Verified as a host that uses Microsoft.IdentityModel would: JsonWebTokenHandler with the SDK's public
        // Ed25519SecurityKey (its own crypto provider factory). Lifetime is not checked: the server may run on a fake clock.
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Product,
            ValidTypes = [StartupResponseClaimNames.TokenType],
            ValidAlgorithms = [SigningAlgorithms.Ed25519],
            IssuerSigningKeys = await JwksAsync(),
            ValidateLifetime = false,
        };
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(envelope.Response, parameters);
        Assert.True(result.IsValid, result.Exception?.Message);
        using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(envelope.Response.Split('.')[1]));
        Assert.Equal(nonce, payload.RootElement.GetProperty("nonce").GetString());
        return payload.RootElement.Clone();
    }

    /// <summary>The keys published at /.well-known/jwks.json.</summary>
    public async Task<List<Ed25519SecurityKey>> JwksAsync()
    {
        using var document = JsonDocument.Parse(await Http.GetStringAsync("/.well-known/jwks.json"));
        return document.RootElement.GetProperty("keys").EnumerateArray().Select(k => Ed25519SecurityKey.FromJwk(k.GetRawText())).ToList();
    }

    public async Task<LicenseTokenValidationResult> ValidateLicenseAsync(string token, string? installationId = null)
    {
        var options = new LicenseTokenValidationOptions { Issuer = Issuer, ProductId = Product };
        foreach (var key in await JwksAsync())
        {
            options.TrustedKeys.Add(key);
        }

        return await new LicenseTokenValidator(options, (TimeProvider?)Time ?? TimeProvider.System).ValidateAsync(token, new LicenseBinding(InstallationId: installationId));
    }

    public async Task<T> WithDbAsync<T>(Func<LicensingDbContext, Task<T>> query)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<LicensingDbContext>());
    }

    /// <summary>The mail outbox, oldest first.</summary>
    public Task<List<OutboxMessage>> OutboxAsync() =>
        WithDbAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync());

    /// <summary>Waits until <paramref name="condition"/> holds; fails after a generous minute (never a timed assertion).</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, int timeoutMilliseconds = 60_000)
    {
        var deadline = Environment.TickCount64 + timeoutMilliseconds;
        while (!await condition())
        {
            if (Environment.TickCount64 > deadline)
            {
                throw new Xunit.Sdk.XunitException($"Timed out waiting for {what}.");
            }

            await Task.Delay(25);
        }
    }

    public Task<(int Accounts, int Companies, int Licenses, int Passwords)> CountRowsAsync() =>
        WithDbAsync(async db => (await db.Accounts.CountAsync(), await db.Companies.CountAsync(), await db.Licenses.CountAsync(), await db.OneTimePasswords.CountAsync()));

    public static async Task<JsonElement> ReadProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
