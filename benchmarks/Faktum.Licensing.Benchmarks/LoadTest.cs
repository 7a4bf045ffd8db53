using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Hosting;
using Faktum.Licensing.Server.Tests.Infrastructure;
using Faktum.Licensing.Tokens;
using Faktum.Licensing.Updates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Faktum.Licensing.Benchmarks;

/// <summary>
/// A bounded loopback load test: /v1/startup with valid license tokens, next to a fixed-JSON minimal-API endpoint in the
/// same server process (the ceiling). Bounded by a request count and a duration; loopback only.
/// </summary>
internal static class LoadTest
{
    private const string Product = "faktum-factuur";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = Option(args, "--seconds", 10);
        var maxRequests = Option(args, "--requests", 200_000);
        var concurrency = Option(args, "--concurrency", 8);
        var licenses = Option(args, "--licenses", 16);
        var releases = Option(args, "--releases", 4);
        var provider = args.Contains("--postgres") ? "PostgreSql" : "Sqlite";
        using var releaseKey = Ed25519SigningKey.Generate();
        var adminKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

        var root = Path.Combine(Path.GetTempPath(), "faktum-load", Guid.NewGuid().ToString("N"));
        var options = new LicenseServerHostOptions { DataDirectory = root };
        options.Configuration["FaktumServer:RateLimits:PermitsPerAddress"] = "1000000";
        options.Configuration["FaktumServer:RateLimits:PermitsPerEmail"] = "1000000";
        options.Configuration["FaktumServer:RateLimits:StartupPermitsPerAddress"] = "1000000";
        options.Configuration["Logging:LogLevel:Default"] = "Warning";
        options.Configuration["FaktumServer:AdminApiKey"] = adminKey;
        options.Configuration[$"FaktumServer:Updates:ReleaseKeys:{releaseKey.KeyId}"] = releaseKey.ExportPublicKeyBase64Url();
        // With --postgres: a database of its own on the loopback PostgreSQL that eng/postgres.sh starts, dropped at the end.
        await using var postgres = provider == "PostgreSql" ? await PostgresTestDatabase.CreateAsync() : null;
        if (postgres is not null)
        {
            options.Configuration["FaktumServer:Storage:Provider"] = provider;
            var extra = Array.IndexOf(args, "--postgres-options") is var at and >= 0 && at + 1 < args.Length ? ";" + args[at + 1] : string.Empty;
            options.Configuration["FaktumServer:Storage:ConnectionString"] = postgres.ConnectionString + extra;
        }

        options.ConfigureServices = services => services.AddSingleton<IStartupFilter, CeilingEndpoint>();

        await using var server = await LicenseServerHost.StartAsync(options);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = server.BaseAddress };

        Console.WriteLine($"Registering {licenses} licenses on {server.BaseAddress} ...");
        var tokens = new List<string>();
        for (var i = 0; i < licenses; i++)
        {
            tokens.Add(await RegisterAsync(http, server.DataDirectory, i));
        }

        Console.WriteLine($"Publishing {releases} signed releases ...");
        using (var admin = new HttpClient { BaseAddress = server.BaseAddress })
        {
            admin.DefaultRequestHeaders.Add("X-Api-Key", adminKey);
            for (var i = 1; i <= releases; i++)
            {
                var manifest = new ReleaseManifest
                {
                    ReleaseId = $"r-1-{i}",
                    ProductId = Product,
                    Sequence = i,
                    Version = $"1.{i}.0",
                    Channel = i % 2 == 0 ? ReleaseChannel.Beta : ReleaseChannel.Stable,
                    PublishedAt = TimeProvider.System.GetUtcNow().AddDays(-releases + i - 1),
                    NotesUrl = new Uri($"https://faktum.example/releases/1.{i}.0"),
                    DownloadUrl = new Uri($"https://faktum.example/download/faktum-1.{i}.0.zip"),
                    Sha256 = new string('a', 64),
                    Size = 40_000_000,
                };
                using var content = new StringContent(ReleaseSigner.Sign(manifest, releaseKey), System.Text.Encoding.UTF8, "application/json");
                using var published = await admin.PostAsync("v1/admin/releases", content);
                published.EnsureSuccessStatusCode();
            }
        }

        var bodies = tokens.Select(t => JsonSerializer.Serialize(new StartupRequest(t, "1.0.0", "stable", "bm9uY2Utbm9uY2Utbm9uY2UtMDE"), Json)).ToArray();
        var tokenWork = await MeasureTokenWorkAsync(tokens[0], server.PublicKeys[^1], TimeSpan.FromSeconds(2));
        var ceiling = await MeasureAsync(http, "bench/fixed", bodies, TimeSpan.FromSeconds(seconds), maxRequests, concurrency);
        var startup = await MeasureAsync(http, "v1/startup", bodies, TimeSpan.FromSeconds(seconds), maxRequests, concurrency);

        Console.WriteLine();
        Console.WriteLine($"concurrency {concurrency}, {seconds} s or {maxRequests} requests per endpoint, {provider}, {licenses} licenses, {releases} releases, loopback");
        Console.WriteLine("| endpoint | requests | errors | req/s | p50 ms | p99 ms |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        Console.WriteLine(ceiling.Row("fixed JSON (ceiling)"));
        Console.WriteLine(startup.Row("POST /v1/startup"));
        Console.WriteLine($"startup / ceiling throughput: {startup.PerSecond / ceiling.PerSecond:P0}");
        Console.WriteLine(
            $"token work of one startup call (verify the license, issue its refresh, sign the response), one thread: {tokenWork.TotalMilliseconds:F3} ms"
            + $" = at most {Environment.ProcessorCount / tokenWork.TotalSeconds:F0} req/s on {Environment.ProcessorCount} cores"
            + $" = {Environment.ProcessorCount / tokenWork.TotalSeconds / ceiling.PerSecond:P0} of the ceiling; startup achieved {startup.PerSecond * tokenWork.TotalSeconds / Environment.ProcessorCount:P0} of that bound");
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
        }

        return startup.Errors == 0 && ceiling.Errors == 0 ? 0 : 1;
    }

    private static async Task<Result> MeasureAsync(HttpClient http, string path, string[] bodies, TimeSpan duration, int maxRequests, int concurrency)
    {
        // Warm up: JIT, connections, caches.
        await RunWorkersAsync(http, path, bodies, TimeSpan.FromSeconds(2), 2_000, concurrency, null);
        var latencies = new long[maxRequests];
        var watch = Stopwatch.StartNew();
        var (count, errors) = await RunWorkersAsync(http, path, bodies, duration, maxRequests, concurrency, latencies);
        watch.Stop();
        var measured = latencies.AsSpan(0, count).ToArray();
        Array.Sort(measured);
        return new Result(count, errors, count / watch.Elapsed.TotalSeconds, Percentile(measured, 0.50), Percentile(measured, 0.99));
    }

    private static async Task<(int Count, int Errors)> RunWorkersAsync(HttpClient http, string path, string[] bodies, TimeSpan duration, int maxRequests, int concurrency, long[]? latencies)
    {
        var next = -1;
        var errors = 0;
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var index = Interlocked.Increment(ref next);
                if (index >= maxRequests)
                {
                    return;
                }

                var started = Stopwatch.GetTimestamp();
                using var content = new StringContent(bodies[index % bodies.Length], System.Text.Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(path, content).ConfigureAwait(false);
                var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                if (response.StatusCode != HttpStatusCode.OK && Interlocked.Increment(ref errors) == 1)
                {
                    Console.Error.WriteLine($"first error on {path}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 400)))}");
                }

                if (latencies is not null)
                {
                    latencies[index] = Stopwatch.GetTimestamp() - started;
                }
            }
        });
        await Task.WhenAll(workers).ConfigureAwait(false);
        return (Math.Min(next + 1, maxRequests), errors);
    }

    /// <summary>
    /// The cryptographic floor of one startup call, measured in the same run: validate a license token, issue its
    /// refresh, and sign a startup response of the same size, on one thread, with a key made here (same algorithm).
    /// </summary>
    private static async Task<TimeSpan> MeasureTokenWorkAsync(string license, Ed25519SecurityKey serverKey, TimeSpan duration)
    {
        using var payload = JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(license.Split('.')[1]));
        var serverIssuer = payload.RootElement.GetProperty("iss").GetString()!;
        var claims = (await new LicenseTokenValidator(Options(serverKey, serverIssuer), TimeProvider.System).ValidateAsync(license)).Claims
            ?? throw new InvalidOperationException("The load test's license does not validate.");
        using var key = Ed25519SigningKey.Generate();
        var issuer = new LicenseTokenIssuer(key);
        var validator = new LicenseTokenValidator(Options(key.PublicKey, claims.Issuer), TimeProvider.System);
        var token = issuer.Issue(claims);
        var response = "{\"iss\":\"" + claims.Issuer + "\",\"aud\":\"" + claims.ProductId + "\",\"nonce\":\"bm9uY2Utbm9uY2Utbm9uY2UtMDE\",\"verdict\":\"trial\",\"license\":\"" + token + "\"}";
        var count = 0;
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (!(await validator.ValidateAsync(token)).Succeeded)
            {
                throw new InvalidOperationException("The token work failed to validate its own token.");
            }

            _ = issuer.Issue(claims);
            _ = JwsSigner.Sign("faktum-startup+jwt", response, key);
            count++;
        }

        return Stopwatch.GetElapsedTime(started) / count;

        static LicenseTokenValidationOptions Options(Ed25519SecurityKey trusted, string issuer)
        {
            var options = new LicenseTokenValidationOptions { Issuer = issuer, ProductId = Product };
            options.TrustedKeys.Add(trusted.ToPublicKey());
            return options;
        }
    }

    private static async Task<string> RegisterAsync(HttpClient http, string dataDirectory, int i)
    {
        var email = $"load{i}@example.test";
        var installation = $"load-installation-{i:D4}";
        var registration = new RegistrationRequest(Product, new CompanyInput($"Laadtest {i} B.V.", "1234 AB", "NL", "Dorpsstraat", "1", "Utrecht"), new ContactInput("Jan", null), email, installation);
        using (var registered = await http.PostAsJsonAsync("v1/registrations", registration, Json))
        {
            registered.EnsureSuccessStatusCode();
        }

        var password = await DemoLicense.ReadPasswordAsync(Path.Combine(dataDirectory, "mail"), email);
        using var confirmed = await http.PostAsJsonAsync("v1/confirmations", new ConfirmationRequest(email, password, installation, Product), Json);
        confirmed.EnsureSuccessStatusCode();
        return (await confirmed.Content.ReadFromJsonAsync<LicenseResponse>(Json))!.License;
    }

    private static double Percentile(long[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))] * 1000.0 / Stopwatch.Frequency;

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
    }

    private sealed record Result(int Count, int Errors, double PerSecond, double P50, double P99)
    {
        public string Row(string name) => $"| {name} | {Count} | {Errors} | {PerSecond:F0} | {P50:F2} | {P99:F2} |";
    }

    /// <summary>The ceiling: a minimal-API endpoint returning fixed JSON, in the same process, ahead of the server's pipeline.</summary>
    private sealed class CeilingEndpoint : IStartupFilter
    {
        private static readonly object Fixed = new { response = "eyJhbGciOiJFZDI1NTE5In0.e30.c2lnbmF0dXJl" };

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map("/bench/fixed", branch =>
            {
                branch.UseRouting();
                branch.UseEndpoints(endpoints => endpoints.MapPost("/", () => Results.Json(Fixed)));
            });
            next(app);
        };
    }
}
