namespace Faktum.Licensing.Server.Configuration;

/// <summary>Metrics and traces (<c>FaktumServer:Observability</c>; docs/operations.md, "Metrics and traces").</summary>
public sealed class ObservabilityOptions
{
    /// <summary>Gets or sets the OTLP endpoint metrics and traces are exported to (e.g. <c>http://collector:4317</c>).</summary>
    /// <value><see langword="null"/>: no OTLP export. The standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable works too.</value>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>Gets or sets a value indicating whether <c>GET /metrics</c> serves the metrics in Prometheus text format.</summary>
    /// <value><see langword="false"/>: the metrics reveal traffic volumes; turn the scrape endpoint on behind your own network rules.</value>
    public bool PrometheusScrapeEndpoint { get; set; }

    /// <summary>Gets or sets how often the outbox is sampled for the <c>faktum.outbox.*</c> gauges.</summary>
    /// <value>15 seconds.</value>
    public TimeSpan OutboxSampleInterval { get; set; } = TimeSpan.FromSeconds(15);
}
