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
    public async Task<LicenseStatus> RunAsync(UpdateDecision? previousDecision, CancellationToken cancellationToken)
    {
        // The local work (the state read under its lock, the signature check) overlaps with building the HTTP client of the start-up
        // call on another thread: at a cold start both are mostly the JIT's work (issue 15). Nothing is sent before the token is checked.
        _server.WarmUpStartup();
        var read = await _installation.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (!read.Succeeded)
        {
            return Status(LicenseState.DataFolderUnavailable, read.Error.Message);
        }

        var snapshot = read.Value;
        if (snapshot is not { Condition: LocalStateCondition.Usable, State: { } state, Token: { } token })
        {
            return Status(LicenseState.NotRegistered, snapshot.Problem is { } problem ? LicenseStatusMessages.Damaged(problem)
                : LicenseStatusMessages.NoLicenseIn(_options.ProductId!, _options.DataDirectory!));
        }

        var binding = new LicenseBinding(InstallationId: state.InstallationId);
        var local = await _verifiers.Signature.ValidateAsync(token, binding).ConfigureAwait(false);

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
                return Status(LicenseState.Invalid, LicenseStatusMessages.CachedTokenRefused(local.Failure, local.Message), local.Failure) with { Company = state.Company };
            }
        }

        var nonce = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var sentAt = _timeProvider.GetTimestamp();
        var answer = await _server.StartupAsync(new StartupRequest(token, _options.AppVersion, _options.Channel, nonce), cancellationToken).ConfigureAwait(false);
        if (!answer.Succeeded)
        {
            return answer.Failure == LicensingFailure.LicenseRejected
                ? Status(LicenseState.Invalid, LicenseStatusMessages.TokenRejectedByServer) with { Company = state.Company }
                : await OfflineAsync(state, token, answer.Message).ConfigureAwait(false);
        }

        var verification = _verifiers.StartupResponse.Verify(answer.Value, nonce, _timeProvider.GetElapsedTime(sentAt));
        if (!verification.Succeeded)
        {
            Log.ResponseRefused(_logger, verification.Message);
            return await OfflineAsync(state, token, verification.Message).ConfigureAwait(false);
        }

        var verified = verification.Value;
        var claims = local.Succeeded ? local.Claims : null;
        string? refreshed = null;
        if (verified.License is { } license)
        {
            var check = await _verifiers.Signature.ValidateAsync(license, binding).ConfigureAwait(false);
            if (!check.Succeeded)
            {
                Log.ResponseRefused(_logger, $"the refreshed license token was refused ({check.Failure})");
                return await OfflineAsync(state, token, LicenseStatusMessages.RefreshedTokenRefused(check.Failure)).ConfigureAwait(false);
            }

            claims = check.Claims;
            refreshed = license;
        }
        else if (unpinned && verified.Verdict is LicenseVerdict.Licensed or LicenseVerdict.Trial)
        {
            Log.ResponseRefused(_logger, "a good verdict for a license token this app does not trust came without a new license");
            return await OfflineAsync(state, token, LicenseStatusMessages.UnpinnedWithoutNewLicense).ConfigureAwait(false);
        }

        var now = _timeProvider.GetUtcNow();
        var company = verified.Company ?? state.Company;
        var updates = _updates.Accept(verified.Updates, state.Updates, previousDecision);

        // Stored only when the folder still holds this installation; a folder that cannot be written is logged, the answer stands.
        await _installation.UpdateAsync(
            current => current.State is { } onDisk && string.Equals(onDisk.InstallationId, state.InstallationId, StringComparison.Ordinal)
                ? (onDisk with
                {
                    LastOnlineCheck = now,
                    HighestServerTime = LicenseAcceptor.Later(onDisk.HighestServerTime, verified.ServerTime),
                    LastVerdict = verified.Verdict,
                    Company = company,
                    Updates = updates.History,
                }, refreshed)
                : null,
            cancellationToken).ConfigureAwait(false);

        if (now < verified.ServerTime - _options.ClockTolerance)
        {
            return Status(LicenseState.ClockRolledBack, LicenseStatusMessages.ClockBehindServer(now, verified.ServerTime)) with
            {
                Company = company,
                Claims = claims,
                IsConfirmedOnline = true,
                UpdateDecision = updates.Decision,
            };
        }

        return LicenseStatusMapping.FromVerdict(verified.Verdict, verified.TrialDaysLeft, claims, company, now) with
        {
            IsConfirmedOnline = true,
            UpdateDecision = updates.Decision,
        };
    }

    private async Task<LicenseStatus> OfflineAsync(LocalLicenseState state, string token, string? why)
    {
        var validation = await _verifiers.Token.ValidateAsync(token, new LicenseBinding(InstallationId: state.InstallationId)).ConfigureAwait(false);
        return _offline.Evaluate(state, validation, _timeProvider.GetUtcNow(), why);
    }

    private LicenseStatus Status(LicenseState state, string? message, LicenseTokenFailure reason = LicenseTokenFailure.None) =>
        LicenseStatusMapping.Of(state, _timeProvider.GetUtcNow(), message, reason);

    private static partial class Log
    {
        [LoggerMessage(21, LogLevel.Warning, "The start-up response was refused: {Reason}", EventName = "ResponseRefused")]
        public static partial void ResponseRefused(ILogger logger, string reason);

        [LoggerMessage(22, LogLevel.Warning, "The cached license token was refused: {Failure}.", EventName = "CachedTokenRefused")]
        public static partial void CachedTokenRefused(ILogger logger, LicenseTokenFailure failure);
    }
}
