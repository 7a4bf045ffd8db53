using Faktum.Licensing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Faktum.Licensing.Docs.Snippets;

/// <summary>docs/sdk.md, "Getting started".</summary>
internal static class SdkOverview
{
    public static async Task RunAsync(HostApplicationBuilder builder, Func<string> readPasswordFromTheEmail, Action<LicenseStatus> showLicense)
    {
        #region sdk-overview
        builder.Services.AddFaktumLicensing(builder.Configuration.GetSection("FaktumLicensing"))
            .AddStartupCheckHostedService();              // optional: checks at host start, in the background
        using var host = builder.Build();

        var licensing = host.Services.GetRequiredService<IFaktumLicensing>();
        licensing.StatusChanged += (_, e) => showLicense(e.Current);   // Mode: RunNormally, Warn or ReadOnly

        var registered = await licensing.RegisterCompanyAsync(new CompanyRegistration
        {
            CompanyName = "Bakkerij Jansen B.V.", Postcode = "1234 AB", Street = "Dorpsstraat", HouseNumber = "12a",
            City = "Utrecht", ContactName = "Jan Jansen", Email = "info@jansen.example",
        });
        if (registered.Failure == LicensingFailure.CompanyAlreadyRegistered)
        {
            await licensing.RequestOneTimePasswordAsync("info@jansen.example");
        }

        var confirmed = await licensing.ConfirmAsync("info@jansen.example", readPasswordFromTheEmail());  // → Trial, 30 days left
        var status = await licensing.CheckAsync();        // every start: Licensed, Trial, OfflineGrace, Expired, …
        #endregion
        _ = (confirmed, status);
    }
}
