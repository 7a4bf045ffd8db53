using Faktum.Licensing.Registration;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Http;
using Faktum.Licensing.Server.Licenses;
using Faktum.Licensing.Server.Observability;
using Faktum.Licensing.Server.Storage;
using Faktum.Licensing.Server.Updates;
using Microsoft.EntityFrameworkCore;

namespace Faktum.Licensing.Server.Startup;

/// <summary>
/// The start-up check (S5): the one call at every start, answered with a signed verdict. The license (with the installation's
/// binding) and the releases are read on one connection, opened once for both queries; a good verdict then presents the token's
/// generation to <see cref="Copies.CopyDetection"/> (one conditional write), the installation's last check is recorded, and the
/// check is counted in memory (<see cref="StartupActivity"/>), written once a minute.
/// </summary>
internal sealed partial class StartupCheckService(
    LicensingDbContext db,
    LicenseTokenService tokens,
    ReleaseCatalog releases,
    StartupResponseWriter writer,
    Copies.CopyDetection copies,
    TimeProvider time,
    ILoggerFactory loggers,
    ServerMetrics metrics,
    StartupActivity activity)
{
    private readonly ILogger _logger = loggers.CreateLogger("Faktum.Licensing.Server.Startup");

    public async Task<StartupCheckOutcome> CheckAsync(StartupRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var check = Validate(request);
        if (!check.IsValid)
        {
            return StartupCheckOutcome.Invalid(check.Errors);
        }

        var now = time.GetUtcNow();
        var nonce = request.Nonce!;
        var validation = await tokens.ValidateAsync(request.License!, checkLifetime: false).ConfigureAwait(false);
        if (!validation.Succeeded)
        {
            var peeked = LicenseTokenService.PeekAudience(request.License!);
            var product = tokens.IsProduct(peeked) ? peeked! : tokens.DefaultProduct;
            Log.UnknownToken(_logger, validation.Refusal);
            metrics.StartupChecked(LicenseVerdict.Unknown, null);
            activity.Checked(now, null, null, null);
            return Answer(StartupResponse.Unknown(product, nonce));
        }

        var claims = validation.Claims;
        StartupRow? found;
        Installation? seen = null;
        var verdict = StartupVerdict.Unknown;
        ReleaseDecision? updates = null;
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            (found, var binding) = await ReadLicenseAsync(claims.LicenseId, claims.InstallationId, cancellationToken).ConfigureAwait(false);
            seen = binding;
            if (found is { License: var license })
            {
                verdict = StartupVerdict.Of(license, binding, now);
                if (verdict.Verdict != LicenseVerdict.Unknown)
                {
                    if (binding is { ReleasedAt: null })
                    {
                        await Seats.InstallationSightings.RecordAsync(db, binding.Id, now, request.AppVersion, request.Channel, cancellationToken).ConfigureAwait(false);
                    }

                    updates = await releases.DecideAsync(db, license.Product, license.Id, request.AppVersion, request.Channel, license.UpdatesEndAt, now, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }

        if (found is null)
        {
            Log.UnknownLicense(_logger, claims.LicenseId);
            metrics.StartupChecked(LicenseVerdict.Unknown, null);
            activity.Checked(now, null, null, null);
            return Answer(StartupResponse.Unknown(claims.ProductId, nonce));
        }

        // Copy detection (docs/tokens.md, "Generations"): only a refresh advances a generation, so only a good verdict asks.
        long generation = 0;
        if (verdict.Verdict is LicenseVerdict.Licensed or LicenseVerdict.Trial)
        {
            (var line, generation) = await copies.PresentAsync(found.License.Id, claims.InstallationId, claims.Generation, cancellationToken).ConfigureAwait(false);
            verdict = line is Copies.GenerationOutcome.Detected or Copies.GenerationOutcome.Duplicated ? new StartupVerdict(LicenseVerdict.Duplicated, null) : verdict;
        }

        var refreshed = verdict.Verdict is LicenseVerdict.Licensed or LicenseVerdict.Trial ? tokens.Issue(found.License, found.Company, claims.InstallationId, generation) : null;
        var profile = verdict.Verdict == LicenseVerdict.Unknown ? null : LicenseTokenService.Profile(found.Company, found.Account);
        Log.Verdict(_logger, found.License.Id, verdict.Verdict);
        metrics.StartupChecked(verdict.Verdict, updates?.Decision.Kind);
        activity.Checked(now, seen?.Id, request.AppVersion, request.Channel);
        return Answer(new StartupResponse(found.License.Product, nonce, verdict, refreshed, profile, updates));
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

    private static Validation Validate(StartupRequest request)
    {
        var check = new Validation();
        if (string.IsNullOrEmpty(request.License))
        {
            check.Add("license", FieldCodes.Required, "This field is required.");
        }
        else if (request.License.Length > 8192)
        {
            check.Add("license", FieldCodes.TooLong, "The license token is too long.");
        }

        check.Text("appVersion", request.AppVersion, 64, allowed: c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '+', allowedMessage: "A version holds letters, digits and . - + only.");
        check.Text("channel", request.Channel, 32, allowed: c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_', allowedMessage: "A channel holds letters, digits and . - _ only.");
        if (string.IsNullOrEmpty(request.Nonce))
        {
            check.Add("nonce", FieldCodes.Required, "This field is required.");
        }
        else if (request.Nonce.Length is < 16 or > 128 || !request.Nonce.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            check.Add("nonce", FieldCodes.InvalidFormat, "The nonce must be 16 to 128 base64url characters.");
        }

        return check;
    }

    private StartupCheckOutcome Answer(StartupResponse response) => StartupCheckOutcome.Answer(writer.Sign(response));

    // One compiled query (no expression-tree work per call, one statement to prepare): the license with its company and
    // account, left-joined to this installation's bindings on the indexed (license, installation) pair. A binding as a
    // subquery would need APPLY, which SQLite lacks; there are few bindings per installation, so they are ordered here.
    private static readonly CompiledQuery<Func<LicensingDbContext, string, string, IAsyncEnumerable<StartupRow>>> LoadLicense = new(() => EF.CompileAsyncQuery(
        (LicensingDbContext db, string licenseId, string installationId) =>
            from l in db.Licenses.AsNoTracking()
            where l.Id == licenseId
            from i in db.Installations.AsNoTracking().Where(i => i.LicenseId == l.Id && i.InstallationId == installationId).DefaultIfEmpty()
            select new StartupRow(l, l.Company!, l.Company!.Account!, i)));

    private async Task<(StartupRow? Found, Installation? Binding)> ReadLicenseAsync(string licenseId, string installationId, CancellationToken cancellationToken)
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
