using Faktum.Licensing.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Faktum.Licensing.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One start of the host app: a fresh <see cref="ServiceProvider"/> with <c>AddFaktumLicensing</c>, pointed at the real server,
/// pinning its keys, on one data folder. Only <c>ServerUrl</c>, the keys, <c>DataDirectory</c> and the <see cref="TimeProvider"/> are set.
/// </summary>
internal sealed class HostApp : IDisposable
{
    public const string Email = "info@bakkerij-jansen.example";

    public HostApp(
        E2eServer server,
        string dataDirectory,
        TimeProvider? time = null,
        Action<IFaktumLicensingBuilder>? build = null,
        Action<FaktumLicensingOptions>? configure = null)
    {
        DataDirectory = dataDirectory;
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(time ?? server.Time);
        var builder = services.AddFaktumLicensing(options =>
        {
            options.ServerUrl = server.BaseAddress;
            options.ProductId = E2eServer.Product;
            foreach (var (kid, x) in server.TrustedKeys)
            {
                options.TrustedKeys[kid] = x;
            }

            options.AppVersion = "2.3.1";
            options.DataDirectory = dataDirectory;
            options.RequestTimeout = TimeSpan.FromSeconds(5);
            configure?.Invoke(options);
        });
        build?.Invoke(builder);
        Provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Licensing = Provider.GetRequiredService<IFaktumLicensing>();
    }

    public ServiceProvider Provider { get; }

    public IFaktumLicensing Licensing { get; }

    public string DataDirectory { get; }

    public string StatePath => Path.Combine(DataDirectory, LicenseStateStore.StateFileName);

    public string TokenPath => Path.Combine(DataDirectory, LicenseStateStore.TokenFileName);

    public static CompanyRegistration Registration(string name = "Bakkerij Jansen B.V.", string postcode = "1234 AB", string email = Email) => new()
    {
        CompanyName = name,
        Postcode = postcode,
        Street = "Dorpsstraat",
        HouseNumber = "12a",
        City = "Utrecht",
        ContactName = "Jan Jansen",
        Phone = "+31 30 123 4567",
        Email = email,
    };

    /// <summary>Registers, reads the one-time password from the pickup folder and confirms, as the first-run screens do.</summary>
    public async Task<LicenseStatus> RegisterAndConfirmAsync(E2eServer server, string email = Email)
    {
        (await Licensing.RegisterCompanyAsync(Registration(email: email))).EnsureSuccess();
        return (await Licensing.ConfirmAsync(email, server.ReadOneTimePassword(email))).EnsureSuccess();
    }

    public void Dispose() => Provider.Dispose();
}
