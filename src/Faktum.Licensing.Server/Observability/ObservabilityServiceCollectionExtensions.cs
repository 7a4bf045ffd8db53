using Faktum.Licensing.Server.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Faktum.Licensing.Server.Observability;

/// <summary>Registers the server's metrics and traces and their OpenTelemetry export (docs/operations.md, "Metrics and traces").</summary>
internal static class ObservabilityServiceCollectionExtensions
{
    /// <summary>The path of the Prometheus scrape endpoint, when <c>Observability:PrometheusScrapeEndpoint</c> is on.</summary>
    public const string PrometheusPath = "/metrics";

    public static IServiceCollection AddServerObservability(this IServiceCollection services, ObservabilityOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.TryAddSingleton<ServerMetrics>();
        services.AddHostedService<OutboxGauges>();
        var otel = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServerTelemetry.Name))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(ServerTelemetry.Name, ServerTelemetry.AspNetCoreHostingMeter);
                if (settings.PrometheusScrapeEndpoint)
                {
                    metrics.AddPrometheusExporter();
                }

                if (settings.OtlpEndpoint is { } endpoint)
                {
                    metrics.AddOtlpExporter(o => o.Endpoint = endpoint);
                }
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource(ServerTelemetry.Name);
                if (settings.OtlpEndpoint is { } endpoint)
                {
                    tracing.AddOtlpExporter(o => o.Endpoint = endpoint);
                }
            });
        _ = otel;
        return services;
    }

    public static void UseServerObservability(this WebApplication app, ObservabilityOptions settings)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.PrometheusScrapeEndpoint)
        {
            app.MapPrometheusScrapingEndpoint(PrometheusPath);
        }
    }
}
