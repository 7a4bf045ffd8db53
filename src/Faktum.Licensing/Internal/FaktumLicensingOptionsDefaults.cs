using System.Reflection;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Internal;

/// <summary>Fills the defaults that depend on other options or on the process: the app version and the data folder.</summary>
internal sealed class FaktumLicensingOptionsDefaults : IPostConfigureOptions<FaktumLicensingOptions>
{
    public void PostConfigure(string? name, FaktumLicensingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AppVersion ??= EntryAssemblyVersion();
        if (options.DataDirectory is null && !string.IsNullOrWhiteSpace(options.ProductId))
        {
            var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            if (!string.IsNullOrEmpty(root))
            {
                options.DataDirectory = Path.Combine(root, "Faktum", options.ProductId);
            }
        }
    }

    internal static string? EntryAssemblyVersion()
    {
        var assembly = Assembly.GetEntryAssembly();
        var informational = assembly?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (!string.IsNullOrWhiteSpace(informational))
        {
            var plus = informational.IndexOf('+', StringComparison.Ordinal);
            return plus > 0 ? informational[..plus] : informational;
        }

        return assembly?.GetName().Version?.ToString(3);
    }
}
