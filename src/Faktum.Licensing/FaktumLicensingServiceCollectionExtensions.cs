using Faktum.Licensing.Confirmation;
using Faktum.Licensing.Http;
using Faktum.Licensing.Internal;
using Faktum.Licensing.Profile;
using Faktum.Licensing.Recovery;
using Faktum.Licensing.Registration;
using Faktum.Licensing.Startup;
using Faktum.Licensing.Storage;
using Faktum.Licensing.Updates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing;

/// <summary>Adds Faktum.Licensing to an <see cref="IServiceCollection"/>.</summary>
public static class FaktumLicensingServiceCollectionExtensions
{
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
        services.TryAddSingleton<LicenseServerTransport>();
        services.TryAddSingleton<LicenseServerClient>();
        services.TryAddSingleton<InstallationState>();
        services.TryAddSingleton<LicensingVerifiers>();
        services.TryAddSingleton<LicenseAcceptor>();
        services.TryAddSingleton<PinnedKeyCheck>();
        services.TryAddSingleton<OfflineRules>();
        services.TryAddSingleton<UpdateAcceptor>();
        services.TryAddSingleton<RegistrationFlow>();
        services.TryAddSingleton<RecoveryFlow>();
        services.TryAddSingleton<ConfirmationFlow>();
        services.TryAddSingleton<CompanyCorrectionFlow>();
        services.TryAddSingleton<Seats.InstallationsFlow>();
        services.TryAddSingleton<Companies.CompaniesFlow>();
        services.TryAddSingleton<StartupCheck>();
        services.TryAddSingleton<FaktumLicensingService>();
        services.TryAddSingleton<IFaktumLicensing>(provider => provider.GetRequiredService<FaktumLicensingService>());

        // What each client retries, and why, is defined beside the endpoints that use it (LicenseServerClient). The retrying
        // pipeline is built only when a first attempt needs a retry (ResilientAttemptHandler), with the host's Polly telemetry
        // options (a host that wants the resilience enricher's metering tags adds it with AddResilienceEnricher).
        services.TryAddSingleton<LicenseServerPipelines>();
        services.TryAddSingleton<EarlyConnection>();
        services.AddHttpClient(LicenseServerClient.RetryingClientName, ConfigureClient)
            .ConfigurePrimaryHttpMessageHandler(provider => CreatePrimaryHandler(provider.GetRequiredService<EarlyConnection>()))
            .AddHttpMessageHandler(provider => new ResilientAttemptHandler(provider.GetRequiredService<LicenseServerPipelines>(), retrying: true));
        services.AddHttpClient(LicenseServerClient.SingleAttemptClientName, ConfigureClient)
            .ConfigurePrimaryHttpMessageHandler(() => CreatePrimaryHandler(early: null))
            .AddHttpMessageHandler(provider => new ResilientAttemptHandler(provider.GetRequiredService<LicenseServerPipelines>(), retrying: false));

        return options;
    }

    private static void ConfigureClient(IServiceProvider provider, HttpClient client)
    {
        var options = provider.GetRequiredService<IOptions<FaktumLicensingOptions>>().Value;
        var url = options.ServerUrl!.AbsoluteUri;
        client.BaseAddress = new Uri(url.EndsWith('/') ? url : url + "/");
        client.MaxResponseContentBufferSize = options.MaxResponseBytes;
        client.Timeout = LicenseServerClient.TotalTimeout(options) + TimeSpan.FromSeconds(5);
    }

    // No cookies, no redirects, no trace context: the start-up exchange carries nothing but its four members (I4). Without
    // ActivityHeadersPropagator = null, a host app that traces (OpenTelemetry, Application Insights) would send its trace id
    // (traceparent, tracestate, baggage) to the license server with every call. The handler's first connection is opened before
    // its pool is used (FirstConnectionHandler), so a server that cannot be reached costs a cold start no pool machinery; the
    // retrying client's, which makes the start-up call, may find it opened already while the cached licenses were checked.
    private static FirstConnectionHandler CreatePrimaryHandler(EarlyConnection? early) => new(
        new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            ActivityHeadersPropagator = null,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        },
        early);
}
