using System.Net;
using Faktum.Licensing.Server.Configuration;
using Microsoft.AspNetCore.HttpOverrides;

namespace Faktum.Licensing.Server.Hosting;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto, believed only from the proxies and networks named in
/// <c>FaktumServer:ForwardedHeaders</c>. ASP.NET Core's <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c> switch empties both
/// lists (believing every client); with it on, the named ones are put back after it, and without any the start fails
/// (<see cref="FaktumServerOptionsValidator"/>).
/// </summary>
internal static class ForwardedHeadersSetup
{
    /// <summary>The host configuration key of ASP.NET Core's switch (environment variable <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c>).</summary>
    private const string SwitchKey = "FORWARDEDHEADERS_ENABLED";

    public static bool SwitchedOn(IConfiguration configuration) =>
        string.Equals(configuration[SwitchKey], "true", StringComparison.OrdinalIgnoreCase);

    public static void AddServices(IServiceCollection services, ForwardedHeadersSettings settings)
    {
        if (!settings.Enabled)
        {
            return;
        }

        // PostConfigure: after the switch's own Configure, which clears the lists.
        services.PostConfigure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in settings.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in settings.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }

            // Walk back through every named hop: the middleware stops at the first address that is not named.
            options.ForwardLimit = null;
        });
    }

    /// <summary>Adds the middleware first in the pipeline, unless the switch's startup filter already did.</summary>
    public static void Use(WebApplication app, ForwardedHeadersSettings settings, bool switchedOn)
    {
        if (settings.Enabled && !switchedOn)
        {
            app.UseForwardedHeaders();
        }
    }
}
