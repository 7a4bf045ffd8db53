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
        if (validation is not { Succeeded: true } valid)
        {
            var peeked = LicenseTokenService.PeekAudience(request.License!);
            var product = tokens.IsProduct(peeked) ? peeked! : tokens.DefaultProduct;
            var failure = validation?.Failure.ToString() ?? "ForeignProduct";
            Log.UnknownToken(logger, failure);
            return Envelope(tokens.SignStartupResponse(product, request.Nonce!, StartupVerdicts.Unknown, null, null, null));
        }

        var claims = valid.Claims;

        // The license, the binding and the releases are read on one connection, opened once for the three queries.
        await db.Database.OpenConnectionAsync(http.RequestAborted).ConfigureAwait(false);
        StartupRecord? found;
        Installation? binding = null;
        Action<System.Text.Json.Utf8JsonWriter>? updates = null;
        try
        {
            found = await LoadLicense.For(db)(db, claims.LicenseId).ConfigureAwait(false);
            if (found is not null)
            {
                binding = await LoadBinding.For(db)(db, found.License.Id, claims.InstallationId).ConfigureAwait(false);
                if (LicenseTokenService.Verdict(found.License, binding, now).Verdict != StartupVerdicts.Unknown)
                {
                    var license = found.License;
                    updates = await releases.DecideAsync(db, license.Product, license.Id, request.AppVersion, request.Channel, license.UpdatesEndAt, now, http.RequestAborted).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }

        if (found is null)
        {
            Log.UnknownLicense(logger, claims.LicenseId);
            return Envelope(tokens.SignStartupResponse(claims.Product, request.Nonce!, StartupVerdicts.Unknown, null, null, null));
        }

        var (verdict, daysLeft) = LicenseTokenService.Verdict(found.License, binding, now);
        var refreshed = verdict is StartupVerdicts.Licensed or StartupVerdicts.Trial ? tokens.Issue(found.License, found.Company, claims.InstallationId) : null;
        var profile = verdict == StartupVerdicts.Unknown ? null : LicenseTokenService.Profile(found.Company, found.Account);
        Log.Verdict(logger, found.License.Id, verdict);
        return Envelope(tokens.SignStartupResponse(found.License.Product, request.Nonce!, verdict, daysLeft, refreshed, profile, updates));
    }

    // Compiled queries (no expression-tree work per call), each a plain indexed lookup: one query with the binding as a
    // subquery needs APPLY, which SQLite lacks, and EF's windowed fallback would scan every installation row.
    private static readonly CompiledQuery<Func<LicensingDbContext, string, Task<StartupRecord?>>> LoadLicense = new(() => EF.CompileAsyncQuery(
        (LicensingDbContext db, string licenseId) => db.Licenses.AsNoTracking()
            .Where(l => l.Id == licenseId)
            .Select(l => new StartupRecord(l, l.Company!, l.Company!.Account!))
            .SingleOrDefault()));

    // This installation's binding: an active one first, then the newest.
    private static readonly CompiledQuery<Func<LicensingDbContext, string, string, Task<Installation?>>> LoadBinding = new(() => EF.CompileAsyncQuery(
        (LicensingDbContext db, string licenseId, string installationId) => db.Installations.AsNoTracking()
            .Where(i => i.LicenseId == licenseId && i.InstallationId == installationId)
            .OrderBy(i => i.ReleasedAt == null ? 0 : 1).ThenByDescending(i => i.BoundAt)
            .FirstOrDefault()));

    private static Microsoft.AspNetCore.Http.HttpResults.Ok<StartupResponseEnvelope> Envelope(string response) => TypedResults.Ok(new StartupResponseEnvelope(response));

    private sealed record StartupRecord(License License, Company Company, Account Account);

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
