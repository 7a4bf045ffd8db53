using System.Net;
using Faktum.Licensing.Http;
using Faktum.Licensing.Internal;
using Faktum.Licensing.Startup;
using Faktum.Licensing.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Faktum.Licensing;

/// <summary>Adds Faktum.Licensing to an <see cref="IServiceCollection"/>.</summary>
public static class FaktumLicensingServiceCollectionExtensions
{
    private const int MaxRetryAttempts = 2;

    // The longest wait between attempts; a 429 whose Retry-After asks for more is answered at once as RateLimited.
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    // Timeouts and back-off measure real waiting, so they run on the system clock. The license rules (expiry, grace, rollback)
    // use the host's TimeProvider, which a test may replace with a fake clock without freezing the network calls.
    private static readonly TimeProvider NetworkClock = TimeProvider.System;

    /// <summary>Adds Faktum.Licensing, configured in code. A second call adds nothing and returns a builder for the same services.</summary>
    /// <param name="services">The services of the host app.</param>
    /// <param name="configure">Sets <see cref="FaktumLicensingOptions"/>; the options are validated when the host starts.</param>
    /// <returns>A builder to add optional parts, such as <see cref="AddStartupCheckHostedService"/>.</returns>
    public static IFaktumLicensingBuilder AddFaktumLicensing(this IServiceCollection services, Action<FaktumLicensingOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        if (AddCore(services) is { } options)
        {
            options.Configure(configure);
        }

        return new FaktumLicensingBuilder(services);
    }

    /// <summary>Adds Faktum.Licensing, bound to a configuration section. A second call adds nothing and returns a builder for the same services.</summary>
    /// <param name="services">The services of the host app.</param>
    /// <param name="section">The section holding <see cref="FaktumLicensingOptions"/>; an unknown key fails at start.</param>
    /// <returns>A builder to add optional parts, such as <see cref="AddStartupCheckHostedService"/>.</returns>
    public static IFaktumLicensingBuilder AddFaktumLicensing(this IServiceCollection services, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        if (AddCore(services) is { } options)
        {
            options.Bind(section, binder => binder.ErrorOnUnknownConfiguration = true);
        }

        return new FaktumLicensingBuilder(services);
    }

    /// <summary>
    /// Adds a hosted service that runs <see cref="IFaktumLicensing.CheckAsync"/> once when the host starts, without delaying
    /// start-up; watch <see cref="IFaktumLicensing.StatusChanged"/> or read <see cref="IFaktumLicensing.Current"/> for its outcome.
    /// </summary>
    /// <param name="builder">The builder from <c>AddFaktumLicensing</c>.</param>
    /// <returns>The same builder.</returns>
    public static IFaktumLicensingBuilder AddStartupCheckHostedService(this IFaktumLicensingBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, StartupCheckHostedService>());
        return builder;
    }

    private static OptionsBuilder<FaktumLicensingOptions>? AddCore(IServiceCollection services)
    {
        if (services.Any(descriptor => descriptor.ServiceType == typeof(FaktumLicensingMarker)))
        {
            return null;
        }

        services.AddSingleton<FaktumLicensingMarker>();
        var options = services.AddOptionsWithValidateOnStart<FaktumLicensingOptions, FaktumLicensingOptionsValidator>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<FaktumLicensingOptions>, FaktumLicensingOptionsDefaults>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TrustedKeySet>();
        services.TryAddSingleton<LicenseStateStore>();
        services.TryAddSingleton<LicenseServerClient>();
        services.TryAddSingleton<FaktumLicensingService>();
        services.TryAddSingleton<IFaktumLicensing>(provider => provider.GetRequiredService<FaktumLicensingService>());

        // Startup, recovery and registration (with its idempotency key): a repeat is harmless, so transient failures are retried,
        // except a connection that cannot be established for the start-up check, which has the cached token to fall back on.
        services.AddHttpClient(LicenseServerClient.RetryingClientName, ConfigureClient)
            .ConfigurePrimaryHttpMessageHandler(CreatePrimaryHandler)
            .AddResilienceHandler("faktum-licensing-retrying", static (pipeline, context) =>
            {
                var value = context.ServiceProvider.GetRequiredService<IOptions<FaktumLicensingOptions>>().Value;
                pipeline.TimeProvider = NetworkClock;
                pipeline
                    .AddTimeout(TotalTimeout(value))
                    .AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = MaxRetryAttempts,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = TimeSpan.FromMilliseconds(500),
                        MaxDelay = MaxRetryDelay,
                        ShouldHandle = static args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context)),
                    })
                    .AddTimeout(value.RequestTimeout);
            });

        // Confirmation (a one-time password is consumed) and company correction: one attempt, never repeated blindly.
        services.AddHttpClient(LicenseServerClient.SingleAttemptClientName, ConfigureClient)
            .ConfigurePrimaryHttpMessageHandler(CreatePrimaryHandler)
            .AddResilienceHandler("faktum-licensing-single-attempt", static (pipeline, context) =>
            {
                var value = context.ServiceProvider.GetRequiredService<IOptions<FaktumLicensingOptions>>().Value;
                pipeline.TimeProvider = NetworkClock;
                pipeline.AddTimeout(value.RequestTimeout);
            });

        return options;
    }

    private static void ConfigureClient(IServiceProvider provider, HttpClient client)
    {
        var options = provider.GetRequiredService<IOptions<FaktumLicensingOptions>>().Value;
        var url = options.ServerUrl!.AbsoluteUri;
        client.BaseAddress = new Uri(url.EndsWith('/') ? url : url + "/");
        client.MaxResponseContentBufferSize = options.MaxResponseBytes;
        client.Timeout = TotalTimeout(options) + TimeSpan.FromSeconds(5);
    }

    // No cookies, no redirects, no trace context: the start-up exchange carries nothing but its four members (I4). Without
    // ActivityHeadersPropagator = null, a host app that traces (OpenTelemetry, Application Insights) would send its trace id
    // (traceparent, tracestate, baggage) to the license server with every call.
    private static SocketsHttpHandler CreatePrimaryHandler() => new()
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        ActivityHeadersPropagator = null,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    // The transient failures (HttpRequestException, a per-attempt timeout, 408, 429, 5xx), less two that a wait would not mend:
    // a long rate limit, and, for a request marked FailFastWhenUnreachable, a connection that could not be established at all.
    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context) =>
        HttpClientResiliencePredicates.IsTransient(outcome)
        && !IsLongRateLimit(outcome.Result)
        && !(outcome.Exception is { } exception && LicenseServerClient.IsConnectionNotEstablished(exception) && IsFailFast(context.GetRequestMessage()));

    private static bool IsFailFast(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(LicenseServerClient.FailFastWhenUnreachable, out var failFast) && failFast;

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

    private static TimeSpan TotalTimeout(FaktumLicensingOptions options) =>
        (options.RequestTimeout * (MaxRetryAttempts + 1)) + TimeSpan.FromSeconds(10);
}

/// <summary>Configures the parts of Faktum.Licensing beyond its options.</summary>
public interface IFaktumLicensingBuilder
{
    /// <summary>Gets the services of the host app.</summary>
    IServiceCollection Services { get; }
}

internal sealed class FaktumLicensingBuilder(IServiceCollection services) : IFaktumLicensingBuilder
{
    public IServiceCollection Services { get; } = services;
}

/// <summary>Marks the services as added, so a second <c>AddFaktumLicensing</c> adds nothing.</summary>
internal sealed class FaktumLicensingMarker;
