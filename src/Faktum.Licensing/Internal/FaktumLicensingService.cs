using System.Buffers.Text;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Faktum.Licensing.Http;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Startup;
using Faktum.Licensing.Storage;
using Faktum.Licensing.Tokens;
using Faktum.Licensing.Updates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Internal;

/// <summary>The one implementation of <see cref="IFaktumLicensing"/>: the flows, on top of the server client, the state store and the policies.</summary>
internal sealed partial class FaktumLicensingService : IFaktumLicensing
{
    private readonly LicenseServerClient _server;
    private readonly LicenseStateStore _store;
    private readonly StartupResponseVerifier _verifier;
    private readonly LicenseTokenValidator _validator;
    private readonly LicenseTokenValidator _signatureValidator;
    private readonly ReleaseVerifier? _releases;
    private readonly TimeProvider _timeProvider;
    private readonly FaktumLicensingOptions _options;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private LicenseStatus _current;
    private (byte[] Fingerprint, string Key)? _registrationAttempt;

    public FaktumLicensingService(
        LicenseServerClient server,
        LicenseStateStore store,
        TrustedKeySet keys,
        IOptions<FaktumLicensingOptions> options,
        TimeProvider timeProvider,
        ILogger<FaktumLicensingService> logger)
    {
        _server = server;
        _store = store;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        _verifier = new StartupResponseVerifier(_options.Issuer, _options.ProductId!, keys.Keys, _options.ClockTolerance);
        _validator = new LicenseTokenValidator(ValidationOptions(keys, validateLifetime: true), timeProvider);
        _signatureValidator = new LicenseTokenValidator(ValidationOptions(keys, validateLifetime: false), timeProvider);
        _releases = _options.ReleaseKeys.Count == 0
            ? null
            : new ReleaseVerifier(_options.ReleaseKeys.Values.Select(Ed25519SecurityKey.FromPublicKey).ToList(), _options.ProductId!);
        _current = new LicenseStatus { State = LicenseState.NotChecked, CheckedAt = timeProvider.GetUtcNow() };
    }

    public event EventHandler<LicenseStatusChangedEventArgs>? StatusChanged;

    public LicenseStatus Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    private string Product => _options.ProductId!;

    public async Task<LicensingResult> RegisterCompanyAsync(CompanyRegistration registration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var installation = await EnsureInstallationAsync(cancellationToken).ConfigureAwait(false);
        if (installation.Error is { } stateError)
        {
            return new LicensingResult(stateError);
        }

        var request = new RegistrationRequest(
            Product,
            new CompanyInput(registration.CompanyName, registration.Postcode, registration.Country, registration.Street, registration.HouseNumber, registration.City),
            new ContactInput(registration.ContactName, registration.Phone),
            registration.Email,
            installation.Id);

        // One idempotency key per registration attempt: kept while the same registration is repeated after a failure that may have
        // reached the server, so neither the resilience pipeline's retries nor the user's "try again" can create a second account.
        var fingerprint = SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, ProtocolJsonContext.Default.RegistrationRequest));
        string idempotencyKey;
        lock (_gate)
        {
            if (_registrationAttempt is not { } attempt || !CryptographicOperations.FixedTimeEquals(attempt.Fingerprint, fingerprint))
            {
                _registrationAttempt = (fingerprint, Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)));
            }

            idempotencyKey = _registrationAttempt.Value.Key;
        }

        var answer = await _server.SendAsync(
            LicenseServerClient.RetryingClientName, HttpMethod.Post, "v1/registrations", request, ProtocolJsonContext.Default.RegistrationRequest,
            headers => headers.Add("Idempotency-Key", idempotencyKey), failFastWhenUnreachable: false, cancellationToken).ConfigureAwait(false);

        if (answer.Error is { } error)
        {
            if (error.Failure is not (LicensingFailure.ServerUnreachable or LicensingFailure.RateLimited or LicensingFailure.InvalidResponse))
            {
                ForgetRegistrationAttempt();
            }

            return new LicensingResult(error);
        }

        ForgetRegistrationAttempt();
        Log.Registered(_logger);
        return LicensingResult.Success;
    }

    public async Task<LicensingResult> RequestOneTimePasswordAsync(string email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        var installation = await EnsureInstallationAsync(cancellationToken).ConfigureAwait(false);
        if (installation.Error is { } stateError)
        {
            return new LicensingResult(stateError);
        }

        var answer = await _server.SendAsync(
            LicenseServerClient.RetryingClientName, HttpMethod.Post, "v1/recoveries", new RecoveryRequest(email, Product, installation.Id),
            ProtocolJsonContext.Default.RecoveryRequest, null, failFastWhenUnreachable: false, cancellationToken).ConfigureAwait(false);
        return answer.Error is { } error ? new LicensingResult(error) : LicensingResult.Success;
    }

    public async Task<LicensingResult<LicenseStatus>> ConfirmAsync(string email, string oneTimePassword, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(oneTimePassword);
        var installation = await EnsureInstallationAsync(cancellationToken).ConfigureAwait(false);
        if (installation.Error is { } stateError)
        {
            return new LicensingResult<LicenseStatus>(stateError);
        }

        var answer = await _server.SendAsync(
            LicenseServerClient.SingleAttemptClientName, HttpMethod.Post, "v1/confirmations",
            new ConfirmationRequest(email, oneTimePassword.Trim(), installation.Id, Product),
            ProtocolJsonContext.Default.ConfirmationRequest, null, failFastWhenUnreachable: false, cancellationToken).ConfigureAwait(false);
        if (answer.Error is { } error)
        {
            return new LicensingResult<LicenseStatus>(error);
        }

        var accepted = await AcceptLicenseAsync(answer, installation.Id!, cancellationToken).ConfigureAwait(false);
        if (accepted.Error is { } acceptError)
        {
            return new LicensingResult<LicenseStatus>(acceptError);
        }

        var now = _timeProvider.GetUtcNow();
        var status = now < accepted.Claims!.IssuedAt - _options.ClockTolerance
            ? Status(LicenseState.ClockRolledBack, $"The license is stored, but this computer's clock ({now:u}) is behind the license server's ({accepted.Claims.IssuedAt:u}). Set the correct date and time.") with
            {
                Company = accepted.Company,
                Claims = accepted.Claims,
                IsConfirmedOnline = true,
            }
            : FromClaims(accepted.Claims, accepted.Company, now, daysLeft: null, online: true);
        Log.Confirmed(_logger, accepted.Claims!.LicenseId, status.State);
        Publish(status);
        return new LicensingResult<LicenseStatus>(status);
    }

    public async Task<LicenseStatus> CheckAsync(CancellationToken cancellationToken = default)
    {
        var status = await CheckCoreAsync(cancellationToken).ConfigureAwait(false);
        Log.Checked(_logger, status.State, status.DaysLeft, status.IsConfirmedOnline);
        Publish(status);
        return status;
    }

    public async Task<CompanyProfile?> GetCompanyProfileAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var snapshot = await _store.ReadAsync(cancellationToken).ConfigureAwait(false);
            return snapshot.State?.Company;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Log.StateUnavailable(_logger, exception.Message);
            return null;
        }
    }

    public async Task<LicensingResult<CompanyProfile>> CorrectCompanyAsync(CompanyCorrection correction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(correction);
        LocalSnapshot snapshot;
        try
        {
            snapshot = await _store.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new LicensingResult<CompanyProfile>(StateUnavailable(exception));
        }

        if (snapshot.State is null || string.IsNullOrEmpty(snapshot.Token))
        {
            return new LicensingResult<CompanyProfile>(LicensingError.Of(LicensingFailure.NotRegistered, "This installation holds no license: register the company or recover its license first."));
        }

        var token = snapshot.Token;
        var request = new CompanyCorrectionRequest(null, correction.Postcode, correction.Street, correction.HouseNumber, correction.City, correction.ContactName, correction.Phone);
        var answer = await _server.SendAsync(
            LicenseServerClient.SingleAttemptClientName, HttpMethod.Patch, "v1/company", request, ProtocolJsonContext.Default.CompanyCorrectionRequest,
            headers => headers.Authorization = new AuthenticationHeaderValue("Bearer", token), failFastWhenUnreachable: false, cancellationToken).ConfigureAwait(false);
        if (answer.Error is { } error)
        {
            return new LicensingResult<CompanyProfile>(error);
        }

        var accepted = await AcceptLicenseAsync(answer, snapshot.State.InstallationId, cancellationToken).ConfigureAwait(false);
        return accepted.Error is { } acceptError
            ? new LicensingResult<CompanyProfile>(acceptError)
            : new LicensingResult<CompanyProfile>(accepted.Company!);
    }

    private async Task<LicenseStatus> CheckCoreAsync(CancellationToken cancellationToken)
    {
        LocalSnapshot snapshot;
        try
        {
            snapshot = await _store.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Status(LicenseState.Invalid, StateUnavailable(exception).Message);
        }

        if (snapshot.Condition != LocalStateCondition.Usable || snapshot.State is null || snapshot.Token is null)
        {
            var why = snapshot.Problem is { } problem
                ? $"{problem} Recover the license: request a one-time password for the company's e-mail address and confirm it."
                : "This installation holds no license: register the company, or recover the license of an existing company.";
            return Status(LicenseState.NotRegistered, why);
        }

        var state = snapshot.State;
        var token = snapshot.Token;
        var binding = new LicenseBinding(InstallationId: state.InstallationId);
        var local = await _signatureValidator.ValidateAsync(token, binding).ConfigureAwait(false);

        // A token signed by a key this app no longer pins (the vendor rotated the signing key and this installation has not
        // started since the server signed with a key it pins) is not trusted, but it is presented once more: a server that still
        // verifies the retired key answers, signed by a pinned key, with a license signed by a pinned key. Offline it stays
        // refused (the offline rules find it Invalid), and every other failure is final without asking the server.
        var unpinned = !local.Succeeded && local.Failure == LicenseTokenFailure.UnknownKey;
        if (!local.Succeeded)
        {
            Log.CachedTokenRefused(_logger, local.Failure);
        }

        if (!local.Succeeded && !unpinned)
        {
            return Status(LicenseState.Invalid, $"The cached license token was refused ({local.Failure}): {local.Message} Recover the license to replace it.", local.Failure) with { Company = state.Company };
        }

        var nonce = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var request = new StartupRequest(token, _options.AppVersion, _options.Channel, nonce);
        var sentAt = _timeProvider.GetTimestamp();

        // A server that cannot be reached at all (refused, unreachable, unknown name) is not tried again: the cached token answers
        // at once (offline grace), and the next check tries again. Waiting out the back-off would only delay the host's start.
        var answer = await _server.SendAsync(
            LicenseServerClient.RetryingClientName, HttpMethod.Post, "v1/startup", request, ProtocolJsonContext.Default.StartupRequest, null,
            failFastWhenUnreachable: true, cancellationToken).ConfigureAwait(false);
        if (answer.Error is { } error)
        {
            if (error.Failure == LicensingFailure.LicenseRejected)
            {
                return Status(LicenseState.Invalid, "The license server refused this installation's license token. Recover the license to replace it.") with { Company = state.Company };
            }

            return await OfflineAsync(state, token, error.Message).ConfigureAwait(false);
        }

        StartupResponseEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize(answer.Content, ProtocolJsonContext.Default.StartupResponseEnvelope);
        }
        catch (JsonException)
        {
            envelope = null;
        }

        if (envelope?.Response is not { Length: > 0 } response)
        {
            Log.ResponseRefused(_logger, "the body is not a start-up response envelope");
            return await OfflineAsync(state, token, "The license server's answer was not a start-up response.").ConfigureAwait(false);
        }

        var verified = _verifier.Verify(response, nonce, _timeProvider.GetElapsedTime(sentAt));
        if (verified.Refusal is { } refusal)
        {
            Log.ResponseRefused(_logger, refusal);
            return await OfflineAsync(state, token, refusal).ConfigureAwait(false);
        }

        LicenseClaims? claims = local.Succeeded ? local.Claims : null;
        string? refreshed = null;
        if (verified.License is { } license)
        {
            var check = await _signatureValidator.ValidateAsync(license, binding).ConfigureAwait(false);
            if (!check.Succeeded)
            {
                Log.ResponseRefused(_logger, $"the refreshed license token was refused ({check.Failure})");
                return await OfflineAsync(state, token, $"The refreshed license token was refused ({check.Failure}).").ConfigureAwait(false);
            }

            claims = check.Claims;
            refreshed = license;
        }
        else if (unpinned && verified.Verdict is LicenseVerdict.Licensed or LicenseVerdict.Trial)
        {
            Log.ResponseRefused(_logger, "a good verdict for a license token this app does not trust came without a new license");
            return await OfflineAsync(state, token, "The license server confirmed a license this app cannot verify, but sent no new license.").ConfigureAwait(false);
        }

        var now = _timeProvider.GetUtcNow();
        var company = verified.Company ?? state.Company;
        var (updateDecision, updateHistory) = AcceptUpdates(verified.Updates, state.Updates);
        try
        {
            await _store.UpdateAsync(
                current => current.State is { } onDisk && string.Equals(onDisk.InstallationId, state.InstallationId, StringComparison.Ordinal)
                    ? (onDisk with
                    {
                        LastOnlineCheck = now,
                        HighestServerTime = Max(onDisk.HighestServerTime, verified.ServerTime),
                        LastVerdict = verified.Verdict.ToWire(),
                        Company = company,
                        Updates = updateHistory,
                    }, refreshed)
                    : null,
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Log.StateUnavailable(_logger, exception.Message);
        }

        if (now < verified.ServerTime - _options.ClockTolerance)
        {
            return Status(LicenseState.ClockRolledBack, $"This computer's clock ({now:u}) is behind the license server's ({verified.ServerTime:u}). Set the correct date and time.") with
            {
                Company = company,
                Claims = claims,
                IsConfirmedOnline = true,
                UpdateDecision = updateDecision,
            };
        }

        return FromVerdict(verified.Verdict, verified.TrialDaysLeft, claims, company, now) with { IsConfirmedOnline = true, UpdateDecision = updateDecision };
    }

    /// <summary>
    /// Verifies the response's update decision under the pinned release keys, and refuses one that would take the
    /// installation back (a lower manifest sequence, or an older version offered as newer than one already offered):
    /// then the previous decision stands. Returns the decision to show and the history to store.
    /// </summary>
    private (UpdateDecision? Decision, UpdateHistoryState? History) AcceptUpdates(JsonElement? updates, UpdateHistoryState? stored)
    {
        var previous = Current.UpdateDecision;
        if (_releases is null || updates is not { } element
            || !ReleaseVersion.TryParse(_options.AppVersion, out var installed) || !ReleaseChannels.TryParse(_options.Channel, out var channel))
        {
            return (null, stored);
        }

        if (!UpdateDecisionWire.TryRead(element, _releases, installed, channel, out var decision, out var error))
        {
            Log.UpdatesRefused(_logger, error);
            return (previous, stored);
        }

        var history = stored is null ? UpdateHistory.Empty : new UpdateHistory(stored.HighestSequence, stored.HighestVersionOffered);
        if (stored?.Channel is { } storedChannel && !string.Equals(storedChannel, _options.Channel, StringComparison.Ordinal))
        {
            history = history.ForChannelChange();
        }

        var verdict = history.Check(decision);
        if (verdict != UpdateHistoryVerdict.Accepted)
        {
            Log.UpdatesRefused(_logger, $"the update decision would roll back ({verdict})");
            return (previous, stored);
        }

        var recorded = history.Record(decision);
        return (decision, new UpdateHistoryState { HighestSequence = recorded.HighestSequence, HighestVersionOffered = recorded.HighestVersionOffered, Channel = _options.Channel });
    }

    private LicenseStatus FromVerdict(LicenseVerdict verdict, int? trialDaysLeft, LicenseClaims? claims, CompanyProfile? company, DateTimeOffset now)
    {
        var online = Status(LicenseState.Invalid) with { Company = company, Claims = claims };
        return verdict switch
        {
            LicenseVerdict.Licensed => online with { State = LicenseState.Licensed },
            LicenseVerdict.Trial => online with { State = LicenseState.Trial, DaysLeft = trialDaysLeft ?? LicenseRules.DaysLeft(claims?.LicenseEndsAt, now) },
            LicenseVerdict.TrialExpired => online with { State = LicenseState.TrialExpired, Message = "The trial has ended. Buy a license to keep adding records; everything stays readable." },
            LicenseVerdict.Expired => online with { State = LicenseState.Expired, Message = "The license has ended. Renew it to keep adding records; everything stays readable." },
            LicenseVerdict.Suspended => online with { State = LicenseState.Suspended, Message = "The vendor has suspended the license. Everything stays readable." },
            LicenseVerdict.Revoked => online with { State = LicenseState.Revoked, Message = "The vendor has revoked the license. Everything stays readable." },
            LicenseVerdict.Moved => online with { State = LicenseState.MovedToAnotherInstallation, Message = "The license was moved to another computer. Recover it here to move it back." },
            _ => online with { State = LicenseState.NotRegistered, Message = "The license server does not know this license. Register the company or recover its license." },
        };
    }

    /// <summary>The offline rules (S5): clock rollback, the cached token, the license end, and the grace since the last online check.</summary>
    private async Task<LicenseStatus> OfflineAsync(LocalLicenseState state, string token, string? why)
    {
        var now = _timeProvider.GetUtcNow();
        var prefix = why is null ? string.Empty : why + " ";
        if (state.HighestServerTime is { } highest && now < highest - _options.ClockTolerance)
        {
            return Status(LicenseState.ClockRolledBack, $"{prefix}This computer's clock ({now:u}) is earlier than a time the license server already reported ({highest:u}). Set the correct date and time.") with { Company = state.Company };
        }

        var result = await _validator.ValidateAsync(token, new LicenseBinding(InstallationId: state.InstallationId)).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return result.Failure == LicenseTokenFailure.Expired
                ? Status(LicenseState.OfflineGraceExpired, $"{prefix}The cached license has expired; connect to the internet so it can be renewed.") with { Company = state.Company }
                : Status(LicenseState.Invalid, $"{prefix}The cached license token was refused ({result.Failure}): {result.Message}", result.Failure) with { Company = state.Company };
        }

        var claims = result.Claims;
        if (LicenseVerdictNames.TryParse(state.LastVerdict, out var lastVerdict) && LicenseRules.IsLapsed(lastVerdict))
        {
            // A lapsed license stays lapsed while the server cannot be reached: blocking the server must not revive it.
            var lapsed = FromVerdict(lastVerdict, null, claims, state.Company, now);
            return lapsed with { Message = $"{prefix}{lapsed.Message} (as of the last online check, {state.LastOnlineCheck:u})" };
        }

        if (LicenseRules.HasEnded(claims.LicenseEndsAt, now))
        {
            return FromClaims(claims, state.Company, now, null, online: false);
        }

        var graceEnd = (state.LastOnlineCheck ?? claims.IssuedAt) + _options.OfflineGrace;
        if (now >= graceEnd)
        {
            return Status(LicenseState.OfflineGraceExpired, $"{prefix}The license server has not been reached since {state.LastOnlineCheck ?? claims.IssuedAt:u}; the offline grace period has ended. Connect to the internet.") with
            {
                Company = state.Company,
                Claims = claims,
            };
        }

        return Status(LicenseState.OfflineGrace, $"{prefix}Working offline on the cached license until {graceEnd:u}.") with
        {
            DaysLeft = (int)Math.Ceiling((graceEnd - now).TotalDays),
            Company = state.Company,
            Claims = claims,
        };
    }

    private static LicenseStatus FromClaims(LicenseClaims claims, CompanyProfile? company, DateTimeOffset now, int? daysLeft, bool online)
    {
        var ended = LicenseRules.HasEnded(claims.LicenseEndsAt, now);
        var state = (claims.Kind, ended) switch
        {
            (LicenseKind.Trial, false) => LicenseState.Trial,
            (LicenseKind.Trial, true) => LicenseState.TrialExpired,
            (_, false) => LicenseState.Licensed,
            _ => LicenseState.Expired,
        };
        return new LicenseStatus
        {
            State = state,
            DaysLeft = state == LicenseState.Trial ? daysLeft ?? LicenseRules.DaysLeft(claims.LicenseEndsAt, now) : null,
            Company = company,
            Claims = claims,
            CheckedAt = now,
            IsConfirmedOnline = online,
            Message = ended ? "The license has ended; everything stays readable." : null,
        };
    }

    private async Task<(LicenseClaims? Claims, CompanyProfile? Company, LicensingError? Error)> AcceptLicenseAsync(ServerAnswer answer, string installationId, CancellationToken cancellationToken)
    {
        LicenseResponse? body;
        try
        {
            body = JsonSerializer.Deserialize(answer.Content, ProtocolJsonContext.Default.LicenseResponse);
        }
        catch (JsonException)
        {
            body = null;
        }

        var company = body?.Company is { } dto ? StartupResponseVerifier.ToProfile(dto) : null;
        if (body?.License is not { Length: > 0 } license || company is null)
        {
            return (null, null, LicensingError.Of(LicensingFailure.InvalidResponse, "The license server's answer holds no license and company."));
        }

        // Signature, header, issuer, audience and installation, but not the lifetime on this computer's clock: the token was just issued
        // for this request, and the server has already bound the license to this installation. A local clock behind the server's
        // would otherwise lose the license it was just given (the caller reports ClockRolledBack); the offline rules judge exp later.
        var result = await _signatureValidator.ValidateAsync(license, new LicenseBinding(InstallationId: installationId)).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            Log.ResponseRefused(_logger, $"the license token was refused ({result.Failure})");
            return (null, null, LicensingError.Of(LicensingFailure.InvalidResponse, $"The license server sent a license token that was refused ({result.Failure}): {result.Message}"));
        }

        var now = _timeProvider.GetUtcNow();
        try
        {
            await _store.UpdateAsync(
                current => ((current.State ?? new LocalLicenseState { InstallationId = installationId }) with
                {
                    InstallationId = installationId,
                    LastOnlineCheck = now,
                    HighestServerTime = Max(current.State?.HighestServerTime, result.Claims.IssuedAt),
                    Company = company,

                    // A license the server just issued (confirmation, correction) supersedes the verdict of an earlier check: a
                    // license recovered back to this computer must not stay "moved" (or revoked, …) while the server is unreachable.
                    LastVerdict = null,
                }, license),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return (null, null, StateUnavailable(exception));
        }

        return (result.Claims, company, null);
    }

    /// <summary>Returns the installation id, creating the state on first use and replacing a damaged state file (the repair of S4).</summary>
    private async Task<(string? Id, LicensingError? Error)> EnsureInstallationAsync(CancellationToken cancellationToken)
    {
        try
        {
            var snapshot = await _store.UpdateAsync(
                current => current.Condition == LocalStateCondition.Usable
                    ? null
                    : (new LocalLicenseState { InstallationId = LicenseStateStore.NewInstallationId() }, null),
                cancellationToken).ConfigureAwait(false);
            return (snapshot.State!.InstallationId, null);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return (null, StateUnavailable(exception));
        }
    }

    private LicensingError StateUnavailable(Exception exception)
    {
        Log.StateUnavailable(_logger, exception.Message);
        return LicensingError.Of(LicensingFailure.LocalStateUnavailable, $"The license data folder '{_store.Directory}' cannot be used: {exception.Message}");
    }

    private void Publish(LicenseStatus status)
    {
        LicenseStatus previous;
        lock (_gate)
        {
            previous = _current;
            _current = status;
        }

        if (previous.State != status.State || previous.DaysLeft != status.DaysLeft || previous.Company != status.Company || previous.Message != status.Message)
        {
            StatusChanged?.Invoke(this, new LicenseStatusChangedEventArgs(previous, status));
        }
    }

    private void ForgetRegistrationAttempt()
    {
        lock (_gate)
        {
            _registrationAttempt = null;
        }
    }

    private LicenseStatus Status(LicenseState state, string? message = null, LicenseTokenFailure reason = LicenseTokenFailure.None) =>
        new() { State = state, Message = message, InvalidReason = reason, CheckedAt = _timeProvider.GetUtcNow() };

    private static DateTimeOffset Max(DateTimeOffset? a, DateTimeOffset b) => a is { } value && value > b ? value : b;

    private LicenseTokenValidationOptions ValidationOptions(TrustedKeySet keys, bool validateLifetime)
    {
        var options = new LicenseTokenValidationOptions
        {
            Issuer = _options.Issuer,
            ProductId = _options.ProductId!,
            ClockTolerance = _options.ClockTolerance,
            ValidateLifetime = validateLifetime,
        };
        foreach (var key in keys.Keys)
        {
            options.TrustedKeys.Add(key);
        }

        return options;
    }

    private static partial class Log
    {
        [LoggerMessage(40, LogLevel.Warning, "The start-up response's update decision was refused: {Reason}", EventName = "UpdatesRefused")]
        public static partial void UpdatesRefused(ILogger logger, string reason);

        [LoggerMessage(20, LogLevel.Information, "License check: {State}, days left {DaysLeft}, confirmed online {Online}.", EventName = "Checked")]
        public static partial void Checked(ILogger logger, LicenseState state, int? daysLeft, bool online);

        [LoggerMessage(21, LogLevel.Warning, "The start-up response was refused: {Reason}", EventName = "ResponseRefused")]
        public static partial void ResponseRefused(ILogger logger, string reason);

        [LoggerMessage(22, LogLevel.Warning, "The cached license token was refused: {Failure}.", EventName = "CachedTokenRefused")]
        public static partial void CachedTokenRefused(ILogger logger, LicenseTokenFailure failure);

        [LoggerMessage(23, LogLevel.Information, "The company registration was accepted; a one-time password is on its way.", EventName = "Registered")]
        public static partial void Registered(ILogger logger);

        [LoggerMessage(24, LogLevel.Information, "License {LicenseId} confirmed for this installation: {State}.", EventName = "Confirmed")]
        public static partial void Confirmed(ILogger logger, string licenseId, LicenseState state);

        [LoggerMessage(25, LogLevel.Error, "The license data folder cannot be used: {Reason}", EventName = "StateUnavailable")]
        public static partial void StateUnavailable(ILogger logger, string reason);
    }
}
