using Faktum.Licensing.Server.Hosting;
using Faktum.Licensing.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Faktum.Licensing.Benchmarks;

/// <summary>Sets up what the benchmarks need: an SDK wired to a running server, and a registered, confirmed data folder.</summary>
internal static class DemoLicense
{
    public const string Product = "faktum-factuur";

    public static ServiceProvider BuildProvider(RunningLicenseServer server, string dataDirectory)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddFaktumLicensing(options =>
        {
            options.ServerUrl = server.BaseAddress;
            options.ProductId = Product;
            options.AppVersion = "1.0.0";
            options.DataDirectory = dataDirectory;
            foreach (var key in server.PublicKeys)
            {
                options.TrustedKeys[key.KeyId] = key.ExportPublicKeyBase64Url();
            }
        });
        return services.BuildServiceProvider();
    }

    /// <summary>Registers a company through the SDK, reads the one-time password from the pickup folder and confirms.</summary>
    public static async Task RegisterAsync(RunningLicenseServer server, string dataDirectory, string email = "jan@example.test")
    {
        await using var provider = BuildProvider(server, dataDirectory);
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
            Email = email,
        })).EnsureSuccess();
        var password = await ReadPasswordAsync(Path.Combine(server.DataDirectory, "mail"), email);
        (await licensing.ConfirmAsync(email, password)).EnsureSuccess();
    }

    /// <summary>Reads the one-time password mailed to <paramref name="email"/> from the server's pickup folder.</summary>
    public static Task<string> ReadPasswordAsync(string pickup, string email) =>
        Task.FromResult(PickupFolder.WaitForMessagesTo(pickup, email) is [.., var newest] && PickupFolder.PasswordIn(newest) is { } password
            ? password
            : throw new InvalidOperationException($"No one-time password arrived for {email}."));
}
