namespace Faktum.Licensing.Server.Configuration;

/// <summary>
/// The section <c>FaktumServer:ForwardedHeaders</c>. Naming a proxy or network turns on <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> for requests from it (and only from it); ASP.NET Core's own switch
/// (<c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c>), which believes any client, is refused at start unless one is named.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    /// <summary>Gets the addresses of the proxies in front of the server, e.g. <c>10.0.0.5</c> or <c>fd00::5</c>.</summary>
    /// <value>Empty.</value>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Gets the networks the proxies live in, in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    /// <value>Empty.</value>
    public IList<string> KnownNetworks { get; } = [];

    /// <summary>Gets or sets whether ASP.NET Core's <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c> switch is on (set at start, not configured).</summary>
    internal bool EnabledByEnvironment { get; set; }

    internal bool Enabled => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}
