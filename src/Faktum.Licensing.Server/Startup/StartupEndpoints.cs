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
            return Envelope(tokens.SignStartupResponse(product, request.Nonce!, LicenseVerdict.Unknown, null, null, null));
        }

        var claims = valid.Claims;

        // The license (with its binding) and the releases are read on one connection, opened once for both queries.
        await db.Database.OpenConnectionAsync(http.RequestAborted).ConfigureAwait(false);
        StartupRow? found;
        (LicenseVerdict Verdict, int? TrialDaysLeft) outcome = (LicenseVerdict.Unknown, null);
        Action<System.Text.Json.Utf8JsonWriter>? updates = null;
        try
        {
            (found, var binding) = await ReadLicenseAsync(db, claims.LicenseId, claims.InstallationId, http.RequestAborted).ConfigureAwait(false);
            if (found is { License: var license })
            {
                outcome = LicenseTokenService.Verdict(license, binding, now);
                if (outcome.Verdict != LicenseVerdict.Unknown)
                {
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
            return Envelope(tokens.SignStartupResponse(claims.ProductId, request.Nonce!, LicenseVerdict.Unknown, null, null, null));
        }

        var (verdict, daysLeft) = outcome;
        var refreshed = verdict is LicenseVerdict.Licensed or LicenseVerdict.Trial ? tokens.Issue(found.License, found.Company, claims.InstallationId) : null;
        var profile = verdict == LicenseVerdict.Unknown ? null : LicenseTokenService.Profile(found.Company, found.Account);
        Log.Verdict(logger, found.License.Id, verdict);
        return Envelope(tokens.SignStartupResponse(found.License.Product, request.Nonce!, verdict, daysLeft, refreshed, profile, updates));
    }

    // One compiled query (no expression-tree work per call, one statement to prepare): the license with its company and
    // account, left-joined to this installation's bindings on the indexed (license, installation) pair. A binding as a
    // subquery would need APPLY, which SQLite lacks; there are few bindings per installation, so they are ordered here.
    private static readonly CompiledQuery<Func<LicensingDbContext, string, string, IAsyncEnumerable<StartupRow>>> LoadLicense = new(() => EF.CompileAsyncQuery(
        (LicensingDbContext db, string licenseId, string installationId) =>
            from l in db.Licenses.AsNoTracking()
            where l.Id == licenseId
            from i in db.Installations.AsNoTracking().Where(i => i.LicenseId == l.Id && i.InstallationId == installationId).DefaultIfEmpty()
            select new StartupRow(l, l.Company!, l.Company!.Account!, i)));

    private static async Task<(StartupRow? Found, Installation? Binding)> ReadLicenseAsync(LicensingDbContext db, string licenseId, string installationId, CancellationToken cancellationToken)
    {
        StartupRow? found = null;
        Installation? binding = null;
        await foreach (var row in LoadLicense.For(db)(db, licenseId, installationId).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            found ??= row;
            binding = Preferred(binding, row.Binding);
        }

        return (found, binding);
    }

    /// <summary>Of two bindings of one installation, the one the verdict is about: an active one first, then the newest.</summary>
    internal static Installation? Preferred(Installation? current, Installation? candidate)
    {
        if (current is null || candidate is null)
        {
            return current ?? candidate;
        }

        var currentActive = current.ReleasedAt is null;
        var candidateActive = candidate.ReleasedAt is null;
        return candidateActive != currentActive
            ? (candidateActive ? candidate : current)
            : (candidate.BoundAt > current.BoundAt ? candidate : current);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.Ok<StartupResponseEnvelope> Envelope(string response) => TypedResults.Ok(new StartupResponseEnvelope(response));

    private sealed record StartupRow(License License, Company Company, Account Account, Installation? Binding);

    private static partial class Log
    {
        [LoggerMessage(EventId = 300, EventName = "StartupVerdict", Level = LogLevel.Information, Message = "Startup check of license {LicenseId}: {Verdict}")]
        public static partial void Verdict(ILogger logger, string licenseId, LicenseVerdict verdict);

        [LoggerMessage(EventId = 301, EventName = "StartupUnknownToken", Level = LogLevel.Information, Message = "Startup check with a token that does not verify ({Failure})")]
        public static partial void UnknownToken(ILogger logger, string failure);

        [LoggerMessage(EventId = 302, EventName = "StartupUnknownLicense", Level = LogLevel.Warning, Message = "Startup check with a valid token of unknown license {LicenseId}")]
        public static partial void UnknownLicense(ILogger logger, string licenseId);
    }
}
