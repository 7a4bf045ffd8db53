using System.Diagnostics;

namespace Faktum.Licensing.Server.Observability;

/// <summary>The names the server's metrics and traces are published under (docs/operations.md, "Metrics and traces").</summary>
internal static class ServerTelemetry
{
    /// <summary>The name of the server's <see cref="System.Diagnostics.Metrics.Meter"/> and <see cref="ActivitySource"/>.</summary>
    public const string Name = "Faktum.Licensing.Server";

    /// <summary>ASP.NET Core's own meter: <c>http.server.request.duration</c> by route template, method and status.</summary>
    public const string AspNetCoreHostingMeter = "Microsoft.AspNetCore.Hosting";

    /// <summary>
    /// The server's spans: one per request (<see cref="RequestTelemetry"/>), tagged with the route template, never the
    /// path, so no license id, e-mail or token can reach an attribute.
    /// </summary>
    public static readonly ActivitySource ActivitySource = new(Name);
}
