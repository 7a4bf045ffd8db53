using System.Net;
using System.Security.Cryptography;
using System.Text;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Companies;
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
            .ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapLicenseFeatureEndpoints();

        admin.MapPost("/licenses/{licenseId}/paid", async (string licenseId, HttpContext http, AdminOperations operations, IOptions<FaktumServerOptions> options) =>
        {
            var read = await RequestReader.ReadAsync<AdminPaidRequest>(http, options.Value.MaxRequestBodyBytes).ConfigureAwait(false);
            return read.Problem ?? Found(await operations.MarkPaidAsync(licenseId, read.Value!.EndsAt, read.Value.UpdatesEndAt, http.RequestAborted).ConfigureAwait(false));
        }).Accepts<AdminPaidRequest>("application/json").Produces<AdminLicenseDto>();

        admin.MapPost("/licenses/{licenseId}/extend", async (string licenseId, HttpContext http, AdminOperations operations, IOptions<FaktumServerOptions> options) =>
        {
            var read = await RequestReader.ReadAsync<AdminExtendRequest>(http, options.Value.MaxRequestBodyBytes).ConfigureAwait(false);
            if (read.Problem is not null)
            {
                return read.Problem;
            }

            if (read.Value!.Days is < 1 or > 3650)
            {
                var check = new Validation();
                check.Add("days", "Extend by 1 to 3650 days.");
                return Problems.Validation(check.Errors);
            }

            var extension = await operations.TryExtendAsync(licenseId, read.Value.Days, http.RequestAborted).ConfigureAwait(false);
            if (extension.Status == AdminExtensionStatus.PastLatestEnd)
            {
                var check = new Validation();
                check.Add("days", $"The new end would lie past {AdminOperations.LatestEnd:yyyy-MM-dd}; extend by fewer days.");
                return Problems.Validation(check.Errors);
            }

            return Found(extension.License);
        }).Accepts<AdminExtendRequest>("application/json").Produces<AdminLicenseDto>();

        admin.MapPost("/licenses/{licenseId}/suspend", async (string licenseId, HttpContext http, AdminOperations operations) =>
            Found(await operations.SuspendAsync(licenseId, http.RequestAborted).ConfigureAwait(false))).Produces<AdminLicenseDto>();
        admin.MapPost("/licenses/{licenseId}/reinstate", async (string licenseId, HttpContext http, AdminOperations operations) =>
            Found(await operations.ReinstateAsync(licenseId, http.RequestAborted).ConfigureAwait(false))).Produces<AdminLicenseDto>();
        admin.MapPost("/licenses/{licenseId}/revoke", async (string licenseId, HttpContext http, AdminOperations operations) =>
            Found(await operations.RevokeAsync(licenseId, http.RequestAborted).ConfigureAwait(false))).Produces<AdminLicenseDto>();

        admin.MapGet("/companies/{companyId}/export", async (string companyId, HttpContext http, Privacy.PrivacyOperations privacy) =>
            Found(await privacy.ExportAsync(companyId, http.RequestAborted).ConfigureAwait(false))).Produces<Privacy.PrivacyExport>();
        admin.MapPost("/companies/{companyId}/erase", async (string companyId, HttpContext http, Privacy.PrivacyOperations privacy) =>
            await privacy.EraseAsync(companyId, http.RequestAborted).ConfigureAwait(false) ? Results.NoContent() : Found<object>(null)).Produces(StatusCodes.Status204NoContent);
        admin.MapGet("/companies", async (string? email, string? name, string? postcode, string? country, HttpContext http, AdminOperations operations, ICompanyIdentityCanonicalizer canonicalizer) =>
        {
            if (!string.IsNullOrWhiteSpace(email))
            {
                return Found(await operations.LookupByEmailAsync(email, http.RequestAborted).ConfigureAwait(false));
            }

            var identity = canonicalizer.Create(name, postcode, country);
            if (!identity.Succeeded)
            {
                var check = new Validation();
                foreach (var error in identity.Errors)
                {
                    check.Add(error.Field, error.Message);
                }

                return Problems.Validation(check.Errors);
            }

            return Found(await operations.LookupByIdentityAsync(identity.Key!, http.RequestAborted).ConfigureAwait(false));
        }).Produces<AdminCompanyDto>();

        admin.MapPost("/identities/release", (HttpContext http, AdminOperations operations, ICompanyIdentityCanonicalizer canonicalizer, IOptions<FaktumServerOptions> options) =>
            AdminIdentityEndpoints.DisputeAsync(http, canonicalizer, options, handOver: false, (key, request) =>
                operations.ReleaseIdentityAsync(key, request.Reason!, http.RequestAborted))).Accepts<AdminIdentityRequest>("application/json").Produces<AdminDisputeResult>();
        admin.MapPost("/identities/hand-over", (HttpContext http, AdminOperations operations, ICompanyIdentityCanonicalizer canonicalizer, IOptions<FaktumServerOptions> options) =>
            AdminIdentityEndpoints.DisputeAsync(http, canonicalizer, options, handOver: true, (key, request) =>
                operations.HandOverIdentityAsync(key, request.Email!, request.Reason!, http.RequestAborted))).Accepts<AdminIdentityRequest>("application/json").Produces<AdminDisputeResult>();
        admin.MapGet("/mailboxes", async (int? min, HttpContext http, AdminOperations operations, IOptions<FaktumServerOptions> options) =>
            TypedResults.Ok(await operations.FlaggedMailboxesAsync(Math.Max(2, min ?? options.Value.MailboxTrialCompaniesFlag), http.RequestAborted).ConfigureAwait(false)))
            .Produces<IReadOnlyList<AdminMailboxDto>>();

        admin.MapPost("/releases", async (HttpContext http, Updates.ReleaseCatalog catalog, Storage.LicensingDbContext db, IOptions<FaktumServerOptions> options, TimeProvider time) =>
        {
            // The body is the signed wire form as the release CLI wrote it; it is stored as-is.
            var read = await RequestReader.ReadAsync<System.Text.Json.JsonDocument>(http, options.Value.MaxRequestBodyBytes).ConfigureAwait(false);
            if (read.Problem is not null)
            {
                return read.Problem;
            }

            var undecodable = ReleaseUpload.ManifestHoldsUndecodableText(read.Value!.RootElement);
            read.Value.Dispose();
            if (undecodable)
            {
                return Problems.Create(StatusCodes.Status422UnprocessableEntity, ProblemTypes.ReleaseRefused, "Release refused.",
                    "Malformed: the manifest holds a string or member name that is not valid Unicode (a lone surrogate escape).");
            }

            var result = await catalog.PublishAsync(db, Encoding.UTF8.GetString(read.Body), time.GetUtcNow(), http.RequestAborted).ConfigureAwait(false);
            return result switch
            {
                { Manifest: { } manifest } => TypedResults.Ok(AdminReleaseDto.From(manifest, null)),
                { HighestSequence: not null } => Problems.Create(StatusCodes.Status409Conflict, ProblemTypes.ReleaseSequenceStale, "Stale release sequence.", result.Message!),
                _ => Problems.Create(StatusCodes.Status422UnprocessableEntity, ProblemTypes.ReleaseRefused, "Release refused.", $"{result.Failure}: {result.Message}"),
            };
        }).Produces<AdminReleaseDto>().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        admin.MapPost("/releases/{releaseId}/rollout", async (string releaseId, HttpContext http, Storage.LicensingDbContext db, IOptions<FaktumServerOptions> options) =>
        {
            var read = await RequestReader.ReadAsync<AdminRolloutRequest>(http, options.Value.MaxRequestBodyBytes).ConfigureAwait(false);
            if (read.Problem is not null)
            {
                return read.Problem;
            }

            if (read.Value!.Percentage is < 0 or > 100)
            {
                var check = new Validation();
                check.Add("percentage", "A rollout is 0 (paused) to 100 percent; it can only narrow the signed percentage.");
                return Problems.Validation(check.Errors);
            }

            return await Updates.ReleaseCatalog.SetRolloutAsync(db, releaseId, read.Value.Percentage, http.RequestAborted).ConfigureAwait(false)
                ? TypedResults.NoContent()
                : Problems.Create(StatusCodes.Status404NotFound, ProblemTypes.NotFound, "Not found.", "No release has that id.");
        }).Accepts<AdminRolloutRequest>("application/json");

        admin.MapGet("/releases", async (HttpContext http, Storage.LicensingDbContext db) =>
            TypedResults.Ok((await Updates.ReleaseCatalog.ListAsync(db, http.RequestAborted).ConfigureAwait(false))
                .Select(r => AdminReleaseDto.From(r.Manifest, r.EffectiveRollout)).ToList()));
        return routes;
    }

    private static IResult Found<T>(T? value)
        where T : class =>
        value is null
            ? Problems.Create(StatusCodes.Status404NotFound, ProblemTypes.NotFound, "Not found.", "No license or company matches.")
            : TypedResults.Ok(value);

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
