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
    private readonly Lazy<ResiliencePipeline<HttpResponseMessage>> _retrying;

    public LicenseServerPipelines(IServiceProvider services, IOptions<FaktumLicensingOptions> options)
    {
        RequestTimeout = options.Value.RequestTimeout;
        _retrying = new(() =>
        {
            var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = $"{LicenseServerClient.RetryingClientName}-faktum-licensing-retrying" };
            LicenseServerClient.ConfigureRetryingPipeline(builder, services);
            return builder.Build();
        });
    }

    /// <summary>Gets the timeout of one attempt (<see cref="FaktumLicensingOptions.RequestTimeout"/>).</summary>
    public TimeSpan RequestTimeout { get; }

    /// <summary>Gets the retrying pipeline: total timeout, then retries, then a per-attempt timeout.</summary>
    public ResiliencePipeline<HttpResponseMessage> Retrying => _retrying.Value;

    /// <summary>Gets a value indicating whether <see cref="Retrying"/> has been built.</summary>
    internal bool IsRetryingBuilt => _retrying.IsValueCreated;
}
