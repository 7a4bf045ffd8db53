using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Http;
using Faktum.Licensing.Server.Licenses;
using Faktum.Licensing.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Server.Startup;

/// <summary>POST /v1/startup (S5): the one call at every start, answered with a signed verdict.</summary>
internal static partial class StartupEndpoints
{
    public static IEndpointRouteBuilder MapStartupEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/v1/startup", StartupAsync)
            .Accepts<StartupRequest>("application/json")
            .Produces<StartupResponseEnvelope>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return routes;
    }

    private static async Task<IResult> StartupAsync(
        HttpContext http,
        LicensingDbContext db,
        IOptions<FaktumServerOptions> options,
        LicenseTokenService tokens,
        Updates.ReleaseCatalog releases,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("Faktum.Licensing.Server.Startup");
        var read = await RequestReader.ReadAsync<StartupRequest>(http, options.Value.MaxRequestBodyBytes).ConfigureAwait(false);
        if (read.Problem is not null)
        {
            return read.Problem;
        }

        var request = read.Value!;
        var check = new Validation();
        if (string.IsNullOrEmpty(request.License))
        {
            check.Add("license", "This field is required.");
        }
        else if (request.License.Length > 8192)
        {
            check.Add("license", "The license token is too long.");
        }

        check.Text("appVersion", request.AppVersion, 64, allowed: c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '+', allowedMessage: "A version holds letters, digits and . - + only.");
        check.Text("channel", request.Channel, 32, allowed: c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_', allowedMessage: "A channel holds letters, digits and . - _ only.");
        if (string.IsNullOrEmpty(request.Nonce))
        {
            check.Add("nonce", "This field is required.");
        }
        else if (request.Nonce.Length is < 16 or > 128 || !request.Nonce.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            check.Add("nonce", "The nonce must be 16 to 128 base64url characters.");
        }

        if (!check.IsValid)
        {
            return Problems.Validation(check.Errors);
        }

        var now = time.GetUtcNow();
        var validation = await tokens.ValidateAsync(request.License!, checkLifetime: false).ConfigureAwait(false);
        var peeked = LicenseTokenService.PeekAudience(request.License!);
        var product = validation?.Claims?.Product ?? (tokens.IsProduct(peeked) ? peeked! : tokens.DefaultProduct);
        if (validation is not { Succeeded: true } valid)
        {
            var failure = validation?.Failure.ToString() ?? "ForeignProduct";
            Log.UnknownToken(logger, failure);
            return Envelope(tokens.SignStartupResponse(product, request.Nonce!, StartupVerdicts.Unknown, null, null, null));
        }

        var claims = valid.Claims;
        var license = await db.Licenses.AsNoTracking().SingleOrDefaultAsync(l => l.Id == claims.LicenseId).ConfigureAwait(false);
        var company = license is null ? null : await db.Companies.AsNoTracking().Include(c => c.Account).SingleOrDefaultAsync(c => c.Id == license.CompanyId).ConfigureAwait(false);
        if (license is null || company?.Account is null)
        {
            Log.UnknownLicense(logger, claims.LicenseId);
            return Envelope(tokens.SignStartupResponse(product, request.Nonce!, StartupVerdicts.Unknown, null, null, null));
        }

        var binding = await db.Installations.AsNoTracking()
            .Where(i => i.LicenseId == license.Id && i.InstallationId == claims.InstallationId)
            .OrderBy(i => i.ReleasedAt == null ? 0 : 1).ThenByDescending(i => i.BoundAt)
            .FirstOrDefaultAsync().ConfigureAwait(false);
        var (verdict, daysLeft) = LicenseTokenService.Verdict(license, binding, now);
        var refreshed = verdict is StartupVerdicts.Licensed or StartupVerdicts.Trial ? tokens.Issue(license, company, claims.InstallationId) : null;
        var profile = verdict == StartupVerdicts.Unknown ? null : LicenseTokenService.Profile(company, company.Account);
        var updates = verdict == StartupVerdicts.Unknown
            ? null
            : await releases.DecideAsync(db, license.Product, license.Id, request.AppVersion, request.Channel, license.UpdatesEndAt, now, http.RequestAborted).ConfigureAwait(false);
        Log.Verdict(logger, license.Id, verdict);
        return Envelope(tokens.SignStartupResponse(license.Product, request.Nonce!, verdict, daysLeft, refreshed, profile, updates));
    }

    private static Microsoft.AspNetCore.Http.HttpResults.Ok<StartupResponseEnvelope> Envelope(string response) => TypedResults.Ok(new StartupResponseEnvelope(response));

    private static partial class Log
    {
        [LoggerMessage(EventId = 300, EventName = "StartupVerdict", Level = LogLevel.Information, Message = "Startup check of license {LicenseId}: {Verdict}")]
        public static partial void Verdict(ILogger logger, string licenseId, string verdict);

        [LoggerMessage(EventId = 301, EventName = "StartupUnknownToken", Level = LogLevel.Information, Message = "Startup check with a token that does not verify ({Failure})")]
        public static partial void UnknownToken(ILogger logger, string failure);

        [LoggerMessage(EventId = 302, EventName = "StartupUnknownLicense", Level = LogLevel.Warning, Message = "Startup check with a valid token of unknown license {LicenseId}")]
        public static partial void UnknownLicense(ILogger logger, string licenseId);
    }
}
