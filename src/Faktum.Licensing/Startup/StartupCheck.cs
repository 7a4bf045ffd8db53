using System.Buffers.Text;
using System.Security.Cryptography;
using Faktum.Licensing.Http;
using Faktum.Licensing.Internal;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Storage;
using Faktum.Licensing.Tokens;
using Faktum.Licensing.Updates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Startup;

/// <summary>
/// The start-up check (S5): the cached token, one signed and privacy-minimal exchange with the server, the verified answer stored;
/// or, when the server cannot be reached or its answer is refused, the <see cref="OfflineRules"/>.
/// </summary>
internal sealed partial class StartupCheck
{
    private readonly LicenseServerClient _server;
    private readonly InstallationState _installation;
    private readonly LicensingVerifiers _verifiers;
    private readonly OfflineRules _offline;
    private readonly UpdateAcceptor _updates;
    private readonly TimeProvider _timeProvider;
    private readonly FaktumLicensingOptions _options;
    private readonly ILogger _logger;

    public StartupCheck(
        LicenseServerClient server,
        InstallationState installation,
        LicensingVerifiers verifiers,
        OfflineRules offline,
        UpdateAcceptor updates,
        IOptions<FaktumLicensingOptions> options,
        TimeProvider timeProvider,
        ILogger<StartupCheck> logger)
    {
        _server = server;
        _installation = installation;
        _verifiers = verifiers;
        _offline = offline;
        _updates = updates;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <param name="previousDecision">The update decision shown so far, which stands when a new one is refused.</param>
    /// <param name="cancellationToken">The caller's token; its cancellation is the only exception.</param>
    public async Task<StartupOutcome> RunAsync(UpdateDecision? previousDecision, CancellationToken cancellationToken)
    {
        // The local work (the state read under its lock, the signature check) overlaps with building the HTTP client of the start-up
        // call on another thread: at a cold start both are mostly the JIT's work (issue 15). Nothing is sent before the token is checked.
        _server.WarmUpStartup();
        var read = await _installation.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (!read.Succeeded)
        {
            return None(Status(LicenseState.DataFolderUnavailable, read.Error.Message));
        }

        var snapshot = read.Value;
        if (snapshot is not { Condition: LocalStateCondition.Usable, State: { } state, Licenses.Count: > 0 })
        {
            return None(Status(LicenseState.NotRegistered, snapshot.Problem is { } problem ? LicenseStatusMessages.Damaged(problem)
                : LicenseStatusMessages.NoLicenseIn(_options.ProductId!, _options.DataDirectory!)));
        }

        // The start-up call's connection opens while the cached licenses are checked; nothing is sent on it before a license passes.
        var connecting = _server.ConnectForStartup();
        try
        {
            var statuses = new Dictionary<string, LicenseStatus>(StringComparer.Ordinal);
            var sent = CheckCachedLicenses(snapshot, state, statuses);
            if (sent.Count > 0)
            {
                // A connection that cannot be established (or not within the start-up deadline) ends the call before anything is
                // sent (it is fail-fast): then the cached licenses answer at once, and no request is written. Waited for here, not
                // in the exchange: at a cold start a wait suspends every async method between it and the host's call.
                var startedAt = LicenseServerClient.StartupClock();
                if (await _server.StartupConnectionFailureAsync(connecting, startedAt, cancellationToken).ConfigureAwait(false) is { } unreachable)
                {
                    Offline(sent, statuses, unreachable.Message);
                }
                else
                {
                    await ExchangeAsync(state, sent, statuses, previousDecision, startedAt, cancellationToken).ConfigureAwait(false);
                }
            }

            return new StartupOutcome(statuses[snapshot.CurrentLicense!.LicenseId], statuses);
        }
        finally
        {
            _server.ReleaseStartupConnection();
        }
    }

    /// <summary>
    /// Validates each cached license on this computer; a refused one gets its status in <paramref name="statuses"/> at once. Returns
    /// the licenses to present to the server.
    /// </summary>
    private List<Presented> CheckCachedLicenses(LocalSnapshot snapshot, LocalLicenseState state, Dictionary<string, LicenseStatus> statuses)
    {
        var binding = new LicenseBinding(InstallationId: state.InstallationId);
        var sent = new List<Presented>(snapshot.Licenses.Count);
        foreach (var license in snapshot.Licenses)
        {
            var local = _verifiers.Signature.Validate(license.Token, binding);

            // A token signed by a key this app no longer pins (the vendor rotated the signing key and this installation has not
            // started since the server signed with a key it pins) is not trusted, but it is presented once more: a server that still
            // verifies the retired key answers, signed by a pinned key, with a license signed by a pinned key. Offline it stays
            // refused (the offline rules find it Invalid), and every other failure is final without asking the server.
            var unpinned = !local.Succeeded && local.Failure == LicenseTokenFailure.UnknownKey;
            if (!local.Succeeded)
            {
                Log.CachedTokenRefused(_logger, local.Failure);
                if (!unpinned)
                {
                    statuses[license.LicenseId] = Status(LicenseState.Invalid, LicenseStatusMessages.CachedTokenRefused(local.Failure, local.Message), local.Failure) with { Company = license.Company };
                    continue;
                }
            }

            sent.Add(new Presented(license, ViewOf(state, license), local, unpinned));
        }

        return sent;
    }

    /// <summary>The installation seen through one of its licenses, as the offline rules take it.</summary>
    internal static LocalLicenseState ViewOf(LocalLicenseState state, StoredLicense license) =>
        state with { LastOnlineCheck = license.LastOnlineCheck, LastVerdict = license.LastVerdict, Company = license.Company };

    private static StartupOutcome None(LicenseStatus status) => new(status, new Dictionary<string, LicenseStatus>(StringComparer.Ordinal));

    /// <summary>
    /// One start-up call for every license in <paramref name="sent"/> (S5, S9): <c>license</c> with one, <c>licenses</c> with several;
    /// each license's verdict, refreshed token (verified against this installation) and company are judged and stored on their own.
    /// </summary>
    private async Task ExchangeAsync(
        LocalLicenseState state, List<Presented> sent, Dictionary<string, LicenseStatus> statuses, UpdateDecision? previousDecision, long startedAt, CancellationToken cancellationToken)
    {
        var nonce = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var sentAt = _timeProvider.GetTimestamp();
        var request = sent.Count == 1
            ? new StartupRequest(sent[0].License.Token, _options.AppVersion, _options.Channel, nonce)
            : new StartupRequest(null, _options.AppVersion, _options.Channel, nonce, [.. sent.Select(p => p.License.Token)]);
        var answer = await _server.StartupAsync(request, startedAt, cancellationToken).ConfigureAwait(false);
        if (!answer.Succeeded)
        {
            if (answer.Failure == LicensingFailure.LicenseRejected)
            {
                foreach (var presented in sent)
                {
                    statuses[presented.License.LicenseId] = Status(LicenseState.Invalid, LicenseStatusMessages.TokenRejectedByServer) with { Company = presented.License.Company };
                }
            }
            else
            {
                Offline(sent, statuses, answer.Message);
            }

            return;
        }

        var verification = _verifiers.StartupResponse.Verify(answer.Value, nonce, _timeProvider.GetElapsedTime(sentAt), sent.Count);
        if (!verification.Succeeded)
        {
            Log.ResponseRefused(_logger, verification.Message);
            Offline(sent, statuses, verification.Message);
            return;
        }

        var verified = verification.Value;
        var binding = new LicenseBinding(InstallationId: state.InstallationId);
        var now = _timeProvider.GetUtcNow();
        var updates = _updates.Accept(verified.Updates, state.Updates, previousDecision);
        var accepted = new Dictionary<string, (LicenseVerdict Verdict, CompanyProfile? Company, string? Refreshed)>(StringComparer.Ordinal);
        for (var i = 0; i < sent.Count; i++)
        {
            var (presented, license) = (sent[i], verified.Licenses[i]);
            var claims = presented.Local.Succeeded ? presented.Local.Claims : null;
            string? refreshed = null;
            if (license.License is { } token)
            {
                var check = _verifiers.Signature.Validate(token, binding);
                if (!check.Succeeded)
                {
                    Log.ResponseRefused(_logger, $"the refreshed license token was refused ({check.Failure})");
                    statuses[presented.License.LicenseId] = Offline(presented, LicenseStatusMessages.RefreshedTokenRefused(check.Failure));
                    continue;
                }

                claims = check.Claims;
                refreshed = token;
            }
            else if (presented.Unpinned && license.Verdict is LicenseVerdict.Licensed or LicenseVerdict.Trial)
            {
                Log.ResponseRefused(_logger, "a good verdict for a license token this app does not trust came without a new license");
                statuses[presented.License.LicenseId] = Offline(presented, LicenseStatusMessages.UnpinnedWithoutNewLicense);
                continue;
            }

            var company = license.Company ?? presented.License.Company;
            accepted[presented.License.LicenseId] = (license.Verdict, company, refreshed);
            statuses[presented.License.LicenseId] = now < verified.ServerTime - _options.ClockTolerance
                ? Status(LicenseState.ClockRolledBack, LicenseStatusMessages.ClockBehindServer(now, verified.ServerTime)) with
                {
                    Company = company,
                    Claims = claims,
                    IsConfirmedOnline = true,
                    UpdateDecision = updates.Decision,
                }
                : LicenseStatusMapping.FromVerdict(license.Verdict, license.TrialDaysLeft, claims, company, now) with
                {
                    IsConfirmedOnline = true,
                    UpdateDecision = updates.Decision,
                };
        }

        if (accepted.Count == 0)
        {
            return;
        }

        // Stored only when the folder still holds this installation; a folder that cannot be written is logged, the answer stands.
        await _installation.UpdateLicensesAsync(
            current => current.State is { } onDisk && string.Equals(onDisk.InstallationId, state.InstallationId, StringComparison.Ordinal)
                ? current with
                {
                    State = onDisk with
                    {
                        HighestServerTime = LicenseAcceptor.Later(onDisk.HighestServerTime, verified.ServerTime),
                        Updates = updates.History,
                    },
                    Licenses = [.. current.Licenses.Select(stored => accepted.TryGetValue(stored.LicenseId, out var answer)
                        ? stored with { LastOnlineCheck = now, LastVerdict = answer.Verdict, Company = answer.Company, Token = answer.Refreshed ?? stored.Token }
                        : stored)],
                }
                : null,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every license of <paramref name="sent"/> under the offline rules, for the reason <paramref name="why"/>.</summary>
    private void Offline(List<Presented> sent, Dictionary<string, LicenseStatus> statuses, string? why)
    {
        foreach (var presented in sent)
        {
            statuses[presented.License.LicenseId] = Offline(presented, why);
        }
    }

    private LicenseStatus Offline(Presented presented, string? why)
    {
        var state = presented.View;
        var validation = _verifiers.Token.Validate(presented.License.Token, new LicenseBinding(InstallationId: state.InstallationId));
        return _offline.Evaluate(state, validation, _timeProvider.GetUtcNow(), why);
    }

    private LicenseStatus Status(LicenseState state, string? message, LicenseTokenFailure reason = LicenseTokenFailure.None) =>
        LicenseStatusMapping.Of(state, _timeProvider.GetUtcNow(), message, reason);

    /// <summary>A license presented to the server: what is stored, the installation seen through it, and its local validation.</summary>
    private sealed record Presented(StoredLicense License, LocalLicenseState View, LicenseTokenValidationResult Local, bool Unpinned);

    private static partial class Log
    {
        [LoggerMessage(21, LogLevel.Warning, "The start-up response was refused: {Reason}", EventName = "ResponseRefused")]
        public static partial void ResponseRefused(ILogger logger, string reason);

        [LoggerMessage(22, LogLevel.Warning, "The cached license token was refused: {Failure}.", EventName = "CachedTokenRefused")]
        public static partial void CachedTokenRefused(ILogger logger, LicenseTokenFailure failure);
    }
}
