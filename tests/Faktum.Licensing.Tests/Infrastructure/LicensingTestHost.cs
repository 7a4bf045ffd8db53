using Faktum.Licensing.Http;
using Faktum.Licensing.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Faktum.Licensing.Tests.Infrastructure;

/// <summary>The SDK wired as a host app wires it (through DI), over a <see cref="FakeLicenseServer"/>, a fake clock and a temporary data folder.</summary>
internal sealed class LicensingTestHost : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    public LicensingTestHost(Action<FaktumLicensingOptions>? configure = null, bool fakeTime = true, string? dataDirectory = null, FakeLicenseServer? server = null, FakeTimeProvider? time = null)
    {
        Time = time ?? server?.Time ?? new FakeTimeProvider(Start);
        Server = server ?? new FakeLicenseServer(Time);
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "faktum-tests", Guid.NewGuid().ToString("N"));
        var services = new ServiceCollection();
        services.AddFakeLogging(o => o.CollectRecordsForDisabledLogLevels = true);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace));
        if (fakeTime)
        {
            services.AddSingleton<TimeProvider>(Time);
        }

        services.AddFaktumLicensing(options =>
        {
            options.ServerUrl = new Uri("http://127.0.0.1:5999/");
            options.ProductId = FakeLicenseServer.Product;
            options.TrustedKeys[Server.Key.KeyId] = Server.Key.ExportPublicKeyBase64Url();
            options.AppVersion = "2.3.1";
            options.DataDirectory = DataDirectory;
            configure?.Invoke(options);
        });
        services.AddHttpClient(LicenseServerClient.RetryingClientName).ConfigurePrimaryHttpMessageHandler(() => Server);
        services.AddHttpClient(LicenseServerClient.SingleAttemptClientName).ConfigurePrimaryHttpMessageHandler(() => Server);
        Provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Licensing = Provider.GetRequiredService<IFaktumLicensing>();
    }

    public FakeTimeProvider Time { get; }

    public FakeLicenseServer Server { get; }

    public string DataDirectory { get; }

    public ServiceProvider Provider { get; }

    public IFaktumLicensing Licensing { get; }

    public FakeLogCollector Logs => Provider.GetFakeLogCollector();

    public string StatePath => Path.Combine(DataDirectory, LicenseStateStore.StateFileName);

    public string TokenPath => Path.Combine(DataDirectory, LicenseStateStore.TokenFileName);

    public static CompanyRegistration Registration(string name = "Bakkerij Jansen B.V.") => new()
    {
        CompanyName = name,
        Postcode = "1234 AB",
        Street = "Dorpsstraat",
        HouseNumber = "1",
        City = "Ons Dorp",
        ContactName = "J. Jansen",
        Email = "info@bakkerij-jansen.example",
    };

    /// <summary>Registers and confirms: the installation then holds a trial license.</summary>
    public async Task<LicenseStatus> RegisterAndConfirmAsync()
    {
        (await Licensing.RegisterCompanyAsync(Registration())).EnsureSuccess();
        return (await Licensing.ConfirmAsync("info@bakkerij-jansen.example", "123456")).EnsureSuccess();
    }

    public void Dispose()
    {
        Provider.Dispose();
        Server.Key.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
