using Faktum.Licensing.Registration;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Http;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Server.Admin;

/// <summary>The admin API under /v1/admin, authorised by the <c>X-Api-Key</c> header; disabled (404) without a configured key.</summary>
internal static partial class AdminEndpoints
{
    public const string ApiKeyHeader = "X-Api-Key";

    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder routes)
    {
        // Not in the public OpenAPI document: the admin API is the vendor's, not the apps'.
        var admin = routes.MapGroup("/v1/admin").ExcludeFromDescription().AddEndpointFilter(RequireApiKeyAsync)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapLicenseFeatureEndpoints();

        AdminLicenseEndpoints.Map(admin);
        AdminReleaseEndpoints.Map(admin);
        AdminLogEndpoints.Map(admin);
        MapSeatEndpoints(admin);
        return routes;
    }

    private static async ValueTask<object?> RequireApiKeyAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var settings = http.RequestServices.GetRequiredService<IOptions<FaktumServerOptions>>().Value;
        var configured = settings.AdminApiKey;
        if (string.IsNullOrEmpty(configured))
        {
            return Problems.Create(StatusCodes.Status404NotFound, ProblemTypes.NotFound, "Not found.", "The admin API is disabled: no FaktumServer:AdminApiKey is configured.");
        }

        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Faktum.Licensing.Server.Admin");
        var path = http.Request.Path.Value ?? "/";
        if (!http.Request.IsHttps && !IsLoopback(http.Connection.LocalIpAddress) && !settings.Admin.AllowPlainHttp)
        {
            // The key would cross the network in clear text: refuse before reading it.
            Log.PlainHttpRefused(logger, path);
            return Problems.Create(StatusCodes.Status403Forbidden, ServerProblemTypes.HttpsRequired, "HTTPS required.",
                "The admin API is not served over plain HTTP on a non-loopback address. Call it over HTTPS (a proxy that sends X-Forwarded-Proto, see FaktumServer:ForwardedHeaders), on loopback, or set FaktumServer:Admin:AllowPlainHttp.");
        }

        var client = http.Connection.RemoteIpAddress ?? IPAddress.None;
        var throttle = http.RequestServices.GetRequiredService<AdminAuthenticationThrottle>();
        if (throttle.IsThrottled(client))
        {
            Log.Throttled(logger, path);
            return Problems.RateLimited(throttle.Window);
        }

        var presented = http.Request.Headers[ApiKeyHeader].ToString();

        // Hash both so the comparison takes the same time whatever the lengths.
        if (presented.Length == 0 || !CryptographicOperations.FixedTimeEquals(
                SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(configured))))
        {
            throttle.RecordFailure(client);
            Log.Unauthorized(logger, path);
            return Problems.Create(StatusCodes.Status401Unauthorized, ProblemTypes.Unauthorized, "Unauthorized.", $"Send the admin API key in the {ApiKeyHeader} header.");
        }

        // Who acts, for the audit rows this request writes: the key's configured name.
        http.RequestServices.GetRequiredService<AuditActor>().Set(Storage.AuditSource.Api, settings.Admin.ApiKeyName is { Length: > 0 } name ? name : AuditActor.DefaultApiKeyName);
        return await next(context).ConfigureAwait(false);
    }

    private static bool IsLoopback(IPAddress? address) => address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    /// <summary>At start: a loud warning when the admin API may answer over plain HTTP on the network.</summary>
    public static void WarnIfPlainHttpAllowed(FaktumServerOptions settings, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.AdminApiKey is { Length: > 0 } && settings.Admin.AllowPlainHttp)
        {
            Log.PlainHttpAllowed(logger);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 500, EventName = "AdminUnauthorized", Level = LogLevel.Information, Message = "Refused an admin request to {Path}: missing or wrong API key")]
        public static partial void Unauthorized(ILogger logger, string path);

        [LoggerMessage(EventId = 501, EventName = "AdminAuthenticationThrottled", Level = LogLevel.Information, Message = "Refused an admin request to {Path} unchecked: too many failed attempts from its address")]
        public static partial void Throttled(ILogger logger, string path);

        [LoggerMessage(EventId = 502, EventName = "AdminPlainHttpRefused", Level = LogLevel.Information, Message = "Refused an admin request to {Path}: plain HTTP on a non-loopback address")]
        public static partial void PlainHttpRefused(ILogger logger, string path);

        [LoggerMessage(EventId = 503, EventName = "AdminPlainHttpAllowed", Level = LogLevel.Warning,
            Message = "FaktumServer:Admin:AllowPlainHttp is on: the admin API answers over plain HTTP on non-loopback addresses, so its API key crosses the network in clear text. Put TLS in front of the server and turn the option off.")]
        public static partial void PlainHttpAllowed(ILogger logger);
    }
}
