using BenchmarkDotNet.Attributes;
using Faktum.Licensing.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Faktum.Licensing.Benchmarks;

/// <summary>
/// What a host app pays at every start: build a service provider with AddFaktumLicensing and get a ready
/// LicenseStatus from the real server on loopback — next to a bare HTTP round trip to the same server.
/// </summary>
[MemoryDiagnoser]
public class HostStartBenchmarks
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

        await DemoLicense.RegisterAsync(_server, _dataDirectory);
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

    private ServiceProvider BuildProvider() => DemoLicense.BuildProvider(_server, _dataDirectory);
}
