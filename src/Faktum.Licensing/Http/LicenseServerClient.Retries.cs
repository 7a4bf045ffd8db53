using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Startup;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Telemetry;

namespace Faktum.Licensing.Http;

/// <summary>The retry side of <see cref="LicenseServerClient"/>: the retrying pipeline, its timeouts and the retry predicate.</summary>
internal sealed partial class LicenseServerClient
{
    /// <summary>
    /// The resilience pipeline of <see cref="RetryingClientName"/>: total timeout, then retries, then a per-attempt timeout. Built by
    /// <see cref="LicenseServerPipelines"/> only when a first attempt needs a retry; <see cref="SingleAttemptClientName"/> has no
    /// pipeline: its one attempt runs under the per-attempt timeout of <see cref="ResilientAttemptHandler"/>.
    /// </summary>
    public static void ConfigureRetryingPipeline(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<FaktumLicensingOptions>>().Value;
        pipeline.TimeProvider = NetworkClock;
        QuietTelemetry(pipeline, services);
        pipeline
            .AddTimeout(TotalTimeout(options))
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(500),
                MaxDelay = MaxRetryDelay,
                ShouldHandle = static args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.GetRequestMessage())),
            })
            .AddTimeout(options.RequestTimeout);
    }

    // Polly logs every failed attempt and retry with the exception and its stack trace (five for one refused registration). Every
    // failure here is an expected outcome that the transport logs once, in one line (ServerUnreachable, ServerRefused): Polly keeps
    // the host's metering and telemetry listeners, but logs nothing of its own for this pipeline.
    private static void QuietTelemetry(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, IServiceProvider services)
    {
        var host = services.GetService<IOptions<TelemetryOptions>>()?.Value;
        pipeline.ConfigureTelemetry(new TelemetryOptions(host ?? new TelemetryOptions()) { LoggerFactory = NullLoggerFactory.Instance });
    }

    /// <summary>The bound of a whole retried call with its back-off: 3 × <see cref="FaktumLicensingOptions.RequestTimeout"/> + 10 s.</summary>
    public static TimeSpan TotalTimeout(FaktumLicensingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return (options.RequestTimeout * (MaxRetryAttempts + 1)) + TimeSpan.FromSeconds(10);
    }

    /// <summary>
    /// Whether <paramref name="exception"/> says no connection to the server could be made at all: refused (nothing listens, or a
    /// firewall rejects), host or network unreachable, network down, or the server's name does not resolve. The request never left
    /// this computer. A connection reset, a timeout or a broken answer are not such failures: the server may have been reached.
    /// </summary>
    internal static bool IsConnectionNotEstablished(Exception exception) => exception switch
    {
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => true,
        HttpRequestException
        {
            HttpRequestError: HttpRequestError.ConnectionError,
            InnerException: SocketException
            {
                SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.NetworkDown,
            },
        } => true,
        _ => false,
    };

    /// <summary>
    /// The transient failures (HttpRequestException, a per-attempt timeout, 408, 429, 5xx), less two that a wait would not mend:
    /// a long rate limit, and, for a request marked <see cref="FailFastWhenUnreachable"/>, a connection that could not be established at all.
    /// </summary>
    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request) =>
        HttpClientResiliencePredicates.IsTransient(outcome)
        && !IsLongRateLimit(outcome.Result)
        && !(outcome.Exception is { } exception && IsConnectionNotEstablished(exception) && IsFailFast(request));

    private static bool IsFailFast(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(FailFastWhenUnreachable, out var failFast) && failFast;

    // A server's rate limit runs for minutes (Retry-After: 60, 900): waiting for it would only end in the total timeout and report
    // "unreachable" instead of RateLimited with its RetryAfter. Only a 429 that asks for a short wait (or none) is retried.
    private static bool IsLongRateLimit(HttpResponseMessage? response)
    {
        if (response is not { StatusCode: HttpStatusCode.TooManyRequests })
        {
            return false;
        }

        var wait = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - NetworkClock.GetUtcNow(),
            _ => TimeSpan.Zero,
        };
        return wait > MaxRetryDelay;
    }
}
