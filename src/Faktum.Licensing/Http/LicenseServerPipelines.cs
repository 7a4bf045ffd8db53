using Microsoft.Extensions.Options;
using Polly;

namespace Faktum.Licensing.Http;

/// <summary>
/// The retrying resilience pipeline of <see cref="LicenseServerClient.RetryingClientName"/>, built on first need: only when a first
/// attempt ends in a failure worth retrying (<see cref="ResilientAttemptHandler"/>). A start-up check that is answered, or that finds
/// the server unreachable, never builds it (issue 15: Polly was ≈ 550 of the methods the JIT compiled at a cold start).
/// </summary>
internal sealed class LicenseServerPipelines
{
    private readonly IServiceProvider _services;

    // Not a Lazy<ResiliencePipeline<…>>: constructing one would load Polly with this type, at every start (issue 15).
    private ResiliencePipeline<HttpResponseMessage>? _retrying;
    private object? _gate;

    public LicenseServerPipelines(IServiceProvider services, IOptions<FaktumLicensingOptions> options)
    {
        _services = services;
        RequestTimeout = options.Value.RequestTimeout;
    }

    /// <summary>Gets the timeout of one attempt (<see cref="FaktumLicensingOptions.RequestTimeout"/>).</summary>
    public TimeSpan RequestTimeout { get; }

    /// <summary>Gets the retrying pipeline: total timeout, then retries, then a per-attempt timeout; built once, on first use.</summary>
    public ResiliencePipeline<HttpResponseMessage> Retrying => LazyInitializer.EnsureInitialized(ref _retrying, ref _gate, BuildRetrying);

    /// <summary>Gets a value indicating whether <see cref="Retrying"/> has been built.</summary>
    internal bool IsRetryingBuilt => Volatile.Read(ref _retrying) is not null;

    private ResiliencePipeline<HttpResponseMessage> BuildRetrying()
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = $"{LicenseServerClient.RetryingClientName}-faktum-licensing-retrying" };
        LicenseServerClient.ConfigureRetryingPipeline(builder, _services);
        return builder.Build();
    }
}
