using System.Net.Http.Json;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using Faktum.Licensing.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Faktum.Licensing.Benchmarks;

/// <summary>
/// What a host app pays at every start: build a service provider with AddFaktumLicensing and get a ready
/// LicenseStatus from the real server on loopback — next to a bare HTTP round trip to the same server.
/// </summary>
[MemoryDiagnoser]
public partial class HostStartBenchmarks
{
    private RunningLicenseServer _server = null!;
    private HttpClient _http = null!;
    private string _root = null!;
    private string _dataDirectory = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _root = Path.Combine(Path.GetTempPath(), "faktum-hoststart", Guid.NewGuid().ToString("N"));
        var options = new LicenseServerHostOptions { DataDirectory = Path.Combine(_root, "server") };
        options.Configuration["Logging:LogLevel:Default"] = "Warning";
        _server = await LicenseServerHost.StartAsync(options);
        _http = new HttpClient { BaseAddress = _server.BaseAddress };
        _dataDirectory = Path.Combine(_root, "app");

        await using var provider = BuildProvider();
        var licensing = provider.GetRequiredService<IFaktumLicensing>();
        (await licensing.RegisterCompanyAsync(new CompanyRegistration
        {
            CompanyName = "Bakkerij Jansen B.V.",
            Postcode = "1234 AB",
            Country = "NL",
            Street = "Dorpsstraat",
            HouseNumber = "1",
            City = "Utrecht",
            ContactName = "Jan Jansen",
            Email = "jan@example.test",
        })).EnsureSuccess();
        var password = await ReadPasswordAsync(Path.Combine(_server.DataDirectory, "mail"));
        (await licensing.ConfirmAsync("jan@example.test", password)).EnsureSuccess();
    }

    [Benchmark(Baseline = true, Description = "bare HTTP round trip (GET /health)")]
    public async Task<int> BareRoundTrip()
    {
        using var response = await _http.GetAsync("health");
        return (int)response.StatusCode;
    }

    [Benchmark(Description = "host start to a ready LicenseStatus")]
    public async Task<LicenseState> HostStartToStatus()
    {
        await using var provider = BuildProvider();
        var status = await provider.GetRequiredService<IFaktumLicensing>().CheckAsync();
        return status.State == LicenseState.Trial ? status.State : throw new InvalidOperationException($"Expected Trial, got {status.State}: {status.Message}");
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    private ServiceProvider BuildProvider()
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddFaktumLicensing(options =>
        {
            options.ServerUrl = _server.BaseAddress;
            options.ProductId = "faktum-factuur";
            options.AppVersion = "1.0.0";
            options.DataDirectory = _dataDirectory;
            foreach (var key in _server.PublicKeys)
            {
                options.TrustedKeys[key.KeyId] = key.ExportPublicKeyBase64Url();
            }
        });
        return services.BuildServiceProvider();
    }

    private static async Task<string> ReadPasswordAsync(string pickup)
    {
        for (var attempt = 0; attempt < 400; attempt++)
        {
            foreach (var file in Directory.Exists(pickup) ? Directory.GetFiles(pickup, "*.eml") : [])
            {
                var message = await MimeMessage.LoadAsync(file);
                if (PasswordPattern().Match(message.TextBody ?? "") is { Success: true } match)
                {
                    return match.Value;
                }
            }

            await Task.Delay(25);
        }

        throw new InvalidOperationException("No one-time password arrived.");
    }

    [GeneratedRegex("[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}")]
    private static partial Regex PasswordPattern();
}
