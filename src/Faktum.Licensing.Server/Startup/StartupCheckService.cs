using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Licenses;
using Faktum.Licensing.Server.Observability;
using Faktum.Licensing.Server.Storage;
using Faktum.Licensing.Server.Updates;
using Microsoft.EntityFrameworkCore;

namespace Faktum.Licensing.Server.Startup;

/// <summary>
/// The start-up check (S5): the one call at every start, answered with a signed verdict. The license (with the installation's
/// binding) and the releases are read on one connection, opened once for every query; a good verdict then presents the token's
/// generation to <see cref="Copies.CopyDetection"/> (one conditional write), the installation's last check is recorded on its
/// seat, and the call is counted in memory (<see cref="StartupActivity"/>), written once a minute. A call with several licenses
/// (S9) checks each of them so, in the order of the request, and makes one update decision for the installation.
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
        var check = StartupRequestRules.Validate(request);
        if (!check.IsValid)
        {
            return StartupCheckOutcome.Invalid(check.Errors);
        }

        var now = time.GetUtcNow();
        var nonce = request.Nonce!;
        if (request.Licenses is not { } tokenList)
        {
            var one = await CheckLicenseAsync(request.License!, request, now, decideUpdates: true, cancellationToken).ConfigureAwait(false);
            metrics.StartupChecked(one.Verdict.Verdict, one.Updates?.Decision.Kind);
            activity.Checked(now);
            return Answer(new StartupResponse(one.Product, nonce, one.Verdict, one.Refreshed, one.Profile, one.Updates));
        }

        var checks = new List<LicenseCheck>(tokenList.Count);
        LicenseCheck? updatesFor;
        ReleaseDecision? updates = null;
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var token in tokenList)
            {
                checks.Add(await CheckLicenseAsync(token, request, now, decideUpdates: false, cancellationToken).ConfigureAwait(false));
            }

            updatesFor = UpdatesFor(checks);
            if (updatesFor?.Stored is { } license)
            {
                updates = await releases.DecideAsync(db, license.Product, license.Id, request.AppVersion, request.Channel, license.UpdatesEndAt, now, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }

        foreach (var one in checks)
        {
            metrics.StartupChecked(one.Verdict.Verdict, ReferenceEquals(one, updatesFor) ? updates?.Decision.Kind : null);
        }

        activity.Checked(now);
        var first = checks[0];
        return Answer(new StartupResponse(
            first.Product, nonce, first.Verdict, first.Refreshed, first.Profile, updates, [.. checks.Select(c => new StartupLicenseAnswer(c.Verdict, c.Refreshed, c.Profile))]));
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

    /// <summary>
    /// The license the update decision of a call with several is made for (S9): among those with a good verdict (licensed or
    /// trial), the one whose updates run longest (no end is the longest; of equals, the first in the request); none good, none.
    /// </summary>
    internal static LicenseCheck? UpdatesFor(IReadOnlyList<LicenseCheck> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        LicenseCheck? chosen = null;
        foreach (var check in checks)
        {
            if (check.Stored is not { } license || check.Verdict.Verdict is not (LicenseVerdict.Licensed or LicenseVerdict.Trial))
            {
                continue;
            }

            if (chosen?.Stored is not { } best || (best.UpdatesEndAt is { } bestEnd && (license.UpdatesEndAt is not { } end || end > bestEnd)))
            {
                chosen = check;
            }
        }

        return chosen;
    }

    /// <summary>
    /// Checks one license token: its verdict, copy detection and sighting, the refreshed token and the profile; with
    /// <paramref name="decideUpdates"/>, also its own update decision (a call with one license).
    /// </summary>
    private async Task<LicenseCheck> CheckLicenseAsync(string token, StartupRequest request, DateTimeOffset now, bool decideUpdates, CancellationToken cancellationToken)
    {
        var validation = await tokens.ValidateAsync(token, checkLifetime: false).ConfigureAwait(false);
        if (!validation.Succeeded)
        {
            var peeked = LicenseTokenService.PeekAudience(token);
            Log.UnknownToken(_logger, validation.Refusal);
            return LicenseCheck.Unknown(tokens.IsProduct(peeked) ? peeked! : tokens.DefaultProduct);
        }

        var claims = validation.Claims;
        StartupRow? found;
        var verdict = StartupVerdict.Unknown;
        ReleaseDecision? updates = null;
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            (found, var binding) = await ReadLicenseAsync(claims.LicenseId, claims.InstallationId, cancellationToken).ConfigureAwait(false);
            if (found is { License: var license })
            {
                verdict = StartupVerdict.Of(license, binding, now);
                if (verdict.Verdict != LicenseVerdict.Unknown)
                {
                    if (binding is { ReleasedAt: null })
                    {
                        await Seats.InstallationSightings.RecordAsync(db, binding.Id, now, request.AppVersion, request.Channel, cancellationToken).ConfigureAwait(false);
                    }

                    if (decideUpdates)
                    {
                        updates = await releases.DecideAsync(db, license.Product, license.Id, request.AppVersion, request.Channel, license.UpdatesEndAt, now, cancellationToken).ConfigureAwait(false);
                    }
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
            return LicenseCheck.Unknown(claims.ProductId);
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
        return new LicenseCheck(found.License.Product, verdict, refreshed, profile, updates, found.License);
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

    /// <summary>The check of one license token: what the answer says about it, and the stored license when it is known.</summary>
    internal sealed record LicenseCheck(string Product, StartupVerdict Verdict, string? Refreshed, CompanyProfileDto? Profile, ReleaseDecision? Updates, License? Stored)
    {
        public static LicenseCheck Unknown(string product) => new(product, StartupVerdict.Unknown, null, null, null, null);
    }

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
