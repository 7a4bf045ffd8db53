using Faktum.Licensing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Faktum.Factuur;

/// <summary>Where the sample's license server is and how the SDK is set up (the shared command-line options).</summary>
internal sealed record LicensingSettings(Uri ServerUrl, IReadOnlyDictionary<string, string> TrustedKeys, string? AppVersion, string Channel)
{
    /// <summary>Gets the pinned release keys (kid → x) that sign update manifests; separate from the license keys.</summary>
    public IReadOnlyDictionary<string, string> ReleaseKeys { get; init; } = new Dictionary<string, string>();
}

/// <summary>The generic host of the invoicing program, wired with <c>AddFaktumLicensing</c> as docs/getting-started.md shows.</summary>
internal static class LicensingHost
{
    public const string ProductId = "faktum-factuur";

    /// <summary>Builds the host of one installation ("computer") whose license state lives in <paramref name="dataDirectory"/>.</summary>
    /// <remarks>The SDK's log (English, for support) goes to <paramref name="log"/>, never to the user's screen.</remarks>
    public static IHost Build(LicensingSettings settings, string dataDirectory, SampleLog log)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(log.Provider()).SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Faktum.Licensing", LogLevel.Information);         // what the SDK did, and why the server refused
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);   // a failed start is reported by the command itself
        builder.Logging.AddFilter("Polly", LogLevel.None);                           // retries: the SDK's own warning says it once

        // getting-started:begin
        builder.Services.AddFaktumLicensing(options =>
        {
            options.ServerUrl = settings.ServerUrl;             // e.g. https://licenses.example.com/
            options.ProductId = ProductId;                      // "faktum-factuur"
            foreach (var (kid, x) in settings.TrustedKeys)
            {
                options.TrustedKeys[kid] = x;                   // pinned keys: kid and x of the server's JWKs
            }

            options.DataDirectory = dataDirectory;              // default: LocalApplicationData/Faktum/<ProductId>
            options.AppVersion = settings.AppVersion;           // default: the entry assembly's version
            options.Channel = settings.Channel;                 // default: "stable"
            foreach (var (kid, x) in settings.ReleaseKeys)
            {
                options.ReleaseKeys[kid] = x;                   // pinned release keys: updates signed offline
            }
        });
        // getting-started:end

        return builder.Build();
    }
}
