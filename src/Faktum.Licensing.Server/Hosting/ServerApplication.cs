using System.Net;
using System.Text.Json;
using System.Threading.RateLimiting;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Admin;
using Faktum.Licensing.Server.Companies;
using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Email;
using Faktum.Licensing.Server.Health;
using Faktum.Licensing.Server.Http;
using Faktum.Licensing.Server.Keys;
using Faktum.Licensing.Server.Licenses;
using Faktum.Licensing.Server.Observability;
using Faktum.Licensing.Server.Registration;
using Faktum.Licensing.Server.Seats;
using Faktum.Licensing.Server.Startup;
using Faktum.Licensing.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Server.Hosting;

/// <summary>Composes the server: services, middleware and endpoints. Used by Program (dotnet run) and by <see cref="LicenseServerHost"/>.</summary>
internal static partial class ServerApplication
{
    public static async Task<WebApplication> BuildAsync(WebApplicationBuilder builder, Action<IServiceCollection>? configureServices, CancellationToken cancellationToken)
    {
        var section = builder.Configuration.GetSection(FaktumServerOptions.SectionName);
        var bound = new FaktumServerOptions();
        section.Bind(bound, o => o.ErrorOnUnknownConfiguration = true);
        var dataDirectory = bound.ResolveDataDirectory(builder.Environment.ContentRootPath);
        var forwardedSwitch = ForwardedHeadersSetup.SwitchedOn(builder.Configuration);
        DataFolder.CreateOwnerOnlyDirectory(dataDirectory);
        WebConsole.ConsoleHosting.AddDedicatedUrl(builder, bound.Console);
        var serverLock = bound.Storage.Provider == StorageProvider.Sqlite ? Backup.ServerLock.Acquire(dataDirectory) : null;

        // SQL text and per-request framework chatter are noise at Information; configuration can still lower these.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddProvider(new RequestOutcomeMarkerProvider());

        var services = builder.Services;
        services.AddOptions<FaktumServerOptions>()
            .Bind(section, o => o.ErrorOnUnknownConfiguration = true)
            .PostConfigure(o =>
            {
                o.DataDirectory = dataDirectory;
                o.ForwardedHeaders.EnabledByEnvironment = forwardedSwitch;
                for (var i = 0; i < o.SigningKeyFiles.Count; i++)
                {
                    o.SigningKeyFiles[i] = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, o.SigningKeyFiles[i]));
                }

                for (var i = 0; i < o.VerificationKeyFiles.Count; i++)
                {
                    o.VerificationKeyFiles[i] = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, o.VerificationKeyFiles[i]));
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FaktumServerOptions>, FaktumServerOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        ForwardedHeadersSetup.AddServices(services, bound.ForwardedHeaders);
        services.AddStorage(bound.Storage, dataDirectory);
        ConfigureDatabaseLogging(services);
        services.AddSingleton(sp => SigningKeyRing.Load(
            sp.GetRequiredService<IOptions<FaktumServerOptions>>().Value.SigningKeyFiles.ToList(),
            sp.GetRequiredService<IOptions<FaktumServerOptions>>().Value.VerificationKeyFiles.ToList(),
            dataDirectory,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Faktum.Licensing.Server.Keys")));
        services.AddSingleton<LicenseTokenService>();
        services.AddSingleton<Updates.ReleaseCatalog>();
        services.AddSingleton<ICompanyIdentityCanonicalizer, CompanyIdentityCanonicalizer>();
        services.AddSingleton<EmailRateLimiter>();
        services.AddSingleton<EmailComposer>();
        services.AddSingleton<IEmailSender>(sp =>
        {
            var email = sp.GetRequiredService<IOptions<FaktumServerOptions>>().Value.Email;
            return email.Mode == EmailMode.Smtp
                ? new SmtpEmailSender(email.Smtp)
                : new PickupDirectoryEmailSender(email.PickupDirectory is { Length: > 0 } pickup
                    ? Path.GetFullPath(Path.Combine(dataDirectory, pickup))
                    : Path.Combine(dataDirectory, "mail"));
        });
        services.AddSingleton<MailOutbox>();
        services.AddHostedService<MailOutboxDispatcher>();
        services.AddScoped<Privacy.RetentionPurge>();
        services.AddHostedService<Privacy.RetentionService>();
        services.AddHostedService<Startup.StartupActivityFlusher>();
        services.AddScoped<AdminOperations>();
        services.AddScoped<AdminQueries>();
        services.AddScoped<AdminAuditLog>();
        services.AddScoped<AuditActor>();
        services.AddScoped<Privacy.PrivacyOperations>();
        services.AddServerFlows();
        services.AddSingleton<AdminAuthenticationThrottle>();

        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never;
        });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            // Problems the framework writes itself (404, 405, 500) get a stable type too.
            var problem = context.ProblemDetails;
            if (problem.Type is null || problem.Type.StartsWith("https://tools.ietf.org", StringComparison.Ordinal))
            {
                problem.Type = problem.Status switch
                {
                    StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed => ProblemTypes.NotFound,
                    StatusCodes.Status413PayloadTooLarge or StatusCodes.Status414UriTooLong or StatusCodes.Status431RequestHeaderFieldsTooLarge => ProblemTypes.RequestTooLarge,
                    StatusCodes.Status400BadRequest => ProblemTypes.MalformedRequest,
                    StatusCodes.Status415UnsupportedMediaType => ServerProblemTypes.UnsupportedMediaType,
                    StatusCodes.Status408RequestTimeout => ServerProblemTypes.RequestTimeout,
                    _ => ServerProblemTypes.ServerError,
                };
            }

            problem.Detail ??= problem.Title;
            context.HttpContext.Items[RequestOutcomeLogging.ProblemTypeKey] = problem.Type;
        });
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(AccountEndpoints.RateLimitPolicy, context => PerAddress(context, limits => limits.PermitsPerAddress));
            o.AddPolicy(RateLimitPolicies.Startup, context => PerAddress(context, limits => limits.StartupPermitsPerAddress));
            o.AddPolicy(RateLimitPolicies.CompanyCorrection, context => PerAddress(context, limits => limits.CompanyCorrectionPermitsPerAddress));
            o.AddPolicy(RateLimitPolicies.Installations, context => PerAddress(context, limits => limits.InstallationPermitsPerAddress));
            o.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.RequestServices.GetRequiredService<ServerMetrics>().RateLimited(
                    context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>()?.PolicyName ?? "address");
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                await Problems.RateLimited(retryAfter).ExecuteAsync(context.HttpContext).ConfigureAwait(false);
            };
        });
        services.AddServerHealthChecks();
        services.AddServerObservability(bound.Observability);
        services.AddOpenApi();
        WebConsole.ConsoleHosting.AddServices(services, bound.Console, dataDirectory);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = 1024 * 1024; // a backstop; endpoints enforce FaktumServer:MaxRequestBodyBytes
        });

        if (serverLock is not null)
        {
            services.AddSingleton(_ => serverLock); // made by a factory, so the container disposes (releases) it with the host
        }

        configureServices?.Invoke(services);

        var app = builder.Build();
        ForwardedHeadersSetup.Use(app, bound.ForwardedHeaders, forwardedSwitch);
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<RequestOutcomeLogging>();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : 500,

            // A request Kestrel could not read (too slow, too large, broken framing) is an expected outcome: one line
            // from RequestOutcomeLogging, not an error with a stack trace.
            SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException,
        });
        app.UseStatusCodePages();
        app.UseMiddleware<RequestTelemetry>();
        app.UseRateLimiter();
        WebConsole.ConsoleHosting.Use(app, bound.Console);

        app.MapServerHealthChecks();
        app.UseServerObservability(bound.Observability);
        app.MapOpenApi();
        app.MapGet("/.well-known/jwks.json", (SigningKeyRing keys) => Results.Text(Jwks(keys), "application/json"));
        app.MapAccountEndpoints();
        app.MapStartupEndpoints();
        app.MapCompanyEndpoints();
        app.MapInstallationEndpoints();
        app.MapAdminEndpoints();

        try
        {
            // Fail fast: validate the options, then load (or generate) the keys and create the schema before listening.
            var settings = app.Services.GetRequiredService<IOptions<FaktumServerOptions>>().Value;
            AdminEndpoints.WarnIfPlainHttpAllowed(settings, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Faktum.Licensing.Server.Admin"));
            _ = app.Services.GetService<Backup.ServerLock>();
            _ = app.Services.GetRequiredService<SigningKeyRing>();
            _ = app.Services.GetRequiredService<Updates.ReleaseCatalog>();
            await app.Services.InitializeStorageAsync(cancellationToken).ConfigureAwait(false);

            // Keys, rollout secret and database (with -wal/-shm) now exist: owner-only on Unix (F10).
            DataFolder.Narrow(dataDirectory);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return app;
    }

    /// <summary>A fixed window per client address (after forwarded headers, when proxies are named).</summary>
    private static RateLimitPartition<string> PerAddress(HttpContext context, Func<RateLimitOptions, int> permits)
    {
        var limits = context.RequestServices.GetRequiredService<IOptions<FaktumServerOptions>>().Value.RateLimits;
        var address = context.Connection.RemoteIpAddress ?? IPAddress.None;
        return RateLimitPartition.GetFixedWindowLimiter(address.ToString(), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits(limits),
            Window = limits.AddressWindow,
            QueueLimit = 0,
        });
    }

    /// <summary>
    /// EF Core logs a failed command and a failed save at Error, with the stack trace, before it throws. The server
    /// catches the expected ones (a unique violation is a 409) and the exception handler logs every other one once, so
    /// those two events are only Debug detail here.
    /// </summary>
    private static void ConfigureDatabaseLogging(IServiceCollection services)
    {
        static void Quiet(DbContextOptionsBuilder options) => options.ConfigureWarnings(w => w.Log(
            (RelationalEventId.CommandError, LogLevel.Debug),
            (CoreEventId.SaveChangesFailed, LogLevel.Debug)));
        services.ConfigureDbContext<Storage.Sqlite.SqliteLicensingDbContext>(Quiet);
        services.ConfigureDbContext<Storage.PostgreSql.PostgreSqlLicensingDbContext>(Quiet);
    }

    /// <summary>The public keys as a JWK Set of OKP keys.</summary>
    public static string Jwks(SigningKeyRing keys)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("keys");
            foreach (var key in keys.PublicKeys)
            {
                key.WriteJwk(writer);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
