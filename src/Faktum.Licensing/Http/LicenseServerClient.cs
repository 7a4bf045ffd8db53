using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Startup;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Telemetry;

namespace Faktum.Licensing.Http;

/// <summary>
/// One typed method per /v1 endpoint. Each owns its path, its retry flavour (the retrying or the single-attempt client), its
/// fail-fast rule and the parsing of its success body; the retry predicate and both pipelines are defined in LicenseServerClient.Retries.cs, so "why did
/// this call (not) retry?" is answered in those two files. Error bodies are read by <see cref="ProblemDetailsReader"/>.
/// </summary>
internal sealed partial class LicenseServerClient
{
    /// <summary>Retries transient failures: for calls whose repeat is harmless (startup, recovery, registration with its idempotency key).</summary>
    public const string RetryingClientName = "Faktum.Licensing";

    /// <summary>Never retries: for calls whose repeat is not harmless (confirmation consumes a one-time password; the company correction).</summary>
    public const string SingleAttemptClientName = "Faktum.Licensing.SingleAttempt";

    /// <summary>
    /// Set on a request whose caller has an answer without the server (the start-up check falls back to the cached token): a
    /// connection that cannot be established (<see cref="IsConnectionNotEstablished"/>) ends the call at once instead of being retried.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> FailFastWhenUnreachable = new("Faktum.Licensing.FailFastWhenUnreachable");

    private const int MaxRetryAttempts = 2;

    private const string StartupPath = "v1/startup";

    // The longest wait between attempts; a 429 whose Retry-After asks for more is answered at once as RateLimited.
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    // Timeouts and back-off measure real waiting, so they run on the system clock. The license rules (expiry, grace, rollback)
    // use the host's TimeProvider, which a test may replace with a fake clock without freezing the network calls.
    private static readonly TimeProvider NetworkClock = TimeProvider.System;

    private readonly LicenseServerTransport _transport;
    private readonly FaktumLicensingOptions _options;
    private readonly ILogger _logger;

    public LicenseServerClient(LicenseServerTransport transport, IOptions<FaktumLicensingOptions> options, ILogger<LicenseServerClient> logger)
    {
        _transport = transport;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>POST /v1/registrations: retried (the idempotency key makes a repeat harmless), a refused connection included.</summary>
    public async Task<LicensingResult> RegisterAsync(RegistrationRequest request, string idempotencyKey, CancellationToken cancellationToken)
    {
        var answer = await _transport.SendAsync(
            RetryingClientName, HttpMethod.Post, "v1/registrations", request, ProtocolJsonContext.Default.RegistrationRequest,
            headers => headers.Add("Idempotency-Key", idempotencyKey), failFastWhenUnreachable: false, deadline: null, cancellationToken).ConfigureAwait(false);
        return answer.Succeeded ? LicensingResult.Success : new LicensingResult(answer.Error);
    }

    /// <summary>POST /v1/recoveries: retried (a repeat at worst mails one more one-time password), a refused connection included.</summary>
    public async Task<LicensingResult> RequestRecoveryAsync(RecoveryRequest request, CancellationToken cancellationToken)
    {
        var answer = await _transport.SendAsync(
            RetryingClientName, HttpMethod.Post, "v1/recoveries", request, ProtocolJsonContext.Default.RecoveryRequest,
            headers: null, failFastWhenUnreachable: false, deadline: null, cancellationToken).ConfigureAwait(false);
        return answer.Succeeded ? LicensingResult.Success : new LicensingResult(answer.Error);
    }

    /// <summary>
    /// POST /v1/confirmations: one attempt, never repeated (the server consumes the one-time password). Returns every license the
    /// confirmation issued (S9: <c>licenses</c>, in the order of the request; a server without it issued one, <c>license</c>).
    /// </summary>
    public async Task<LicensingResult<IReadOnlyList<IssuedLicense>>> ConfirmAsync(ConfirmationRequest request, CancellationToken cancellationToken)
    {
        var answer = await _transport.SendAsync(
            SingleAttemptClientName, HttpMethod.Post, "v1/confirmations", request, ProtocolJsonContext.Default.ConfirmationRequest,
            headers: null, failFastWhenUnreachable: false, deadline: null, cancellationToken).ConfigureAwait(false);
        if (!answer.Succeeded)
        {
            return new(answer.Error);
        }

        var body = ReadLicenseResponse(answer.Value);
        IReadOnlyList<IssuedLicense?> issued = body?.Licenses is { Count: > 0 } grants
            ? [.. grants.Select(grant => grant is null ? null : Issued(grant.License, grant.Company))]
            : [body is null ? null : Issued(body.License, body.Company)];
        if (issued.Any(license => license is null) || issued.Count > StartupRequest.MaxLicenses)
        {
            Log.AnswerRefused(_logger, "v1/confirmations", "the body holds no license and company for each license");
            return new(LicensingError.Of(LicensingFailure.InvalidResponse, "The license server's answer holds no license and company."));
        }

        return new([.. issued!]);
    }

    /// <summary>PATCH /v1/company with the license token as bearer: one attempt, never repeated blindly.</summary>
    public async Task<LicensingResult<IssuedLicense>> CorrectCompanyAsync(CompanyCorrectionRequest request, string licenseToken, CancellationToken cancellationToken)
    {
        var answer = await _transport.SendAsync(
            SingleAttemptClientName, HttpMethod.Patch, "v1/company", request, ProtocolJsonContext.Default.CompanyCorrectionRequest,
            headers => headers.Authorization = new AuthenticationHeaderValue("Bearer", licenseToken), failFastWhenUnreachable: false, deadline: null,
            cancellationToken).ConfigureAwait(false);
        return answer.Succeeded ? ReadIssuedLicense(answer.Value) : new(answer.Error);
    }

    /// <summary>
    /// POST /v1/startup: retried, except a connection that cannot be established (the cached token answers at once, and the next
    /// check tries again: waiting out the back-off would only delay the host's start). The whole exchange — attempts, back-off and
    /// the body — ends at <see cref="FaktumLicensingOptions.StartupCheckTimeout"/>, whatever the network does. Returns the signed
    /// response, still to be verified by <see cref="StartupResponseVerifier"/>.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="startedAt">When the start-up deadline began (<see cref="StartupClock"/>); the call gets what is left of it.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    public async Task<LicensingResult<string>> StartupAsync(StartupRequest request, long startedAt, CancellationToken cancellationToken)
    {
        var left = StartupTimeLeft(startedAt);
        if (left <= TimeSpan.Zero)
        {
            return new(_transport.TimedOut(StartupPath));
        }

        var answer = await _transport.SendJsonAsync(
            RetryingClientName, HttpMethod.Post, StartupPath, StartupRequestJson.Write(request),
            headers: null, failFastWhenUnreachable: true, deadline: left, cancellationToken).ConfigureAwait(false);
        if (!answer.Succeeded)
        {
            return new(answer.Error);
        }

        StartupResponseEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize(answer.Value, ProtocolJsonContext.Default.StartupResponseEnvelope);
        }
        catch (JsonException)
        {
            envelope = null;
        }

        if (envelope?.Response is not { Length: > 0 } response)
        {
            Log.AnswerRefused(_logger, StartupPath, "the body is not a start-up response envelope");
            return new(LicensingError.Of(LicensingFailure.InvalidResponse, "The license server's answer was not a start-up response."));
        }

        return new(response);
    }

    /// <summary>Prepares the client of <see cref="StartupAsync"/> in the background (see <see cref="LicenseServerTransport.WarmUp"/>).</summary>
    public void WarmUpStartup() => _transport.WarmUp(RetryingClientName);

    /// <summary>Starts opening the connection of <see cref="StartupAsync"/> (see <see cref="EarlyConnection"/>); nothing is sent on it yet.</summary>
    /// <returns>The connect, complete once it has opened or failed (await it without throwing); <see langword="null"/> when none is opened.</returns>
    public Task? ConnectForStartup() => _transport.ConnectEarly(RetryingClientName, _options.ServerUrl!, _options.RequestTimeout);

    /// <summary>
    /// Waits for the start-up call's connection (<see cref="ConnectForStartup"/>) within the start-up deadline that begins at
    /// <paramref name="startedAt"/>, and returns the answer <see cref="StartupAsync"/> would give when that connection could not be
    /// established at all, or did not complete within the deadline: the call is fail-fast, so it would end there without a byte
    /// sent. The start-up check takes this answer instead of writing and sending a request (issue 15: at an offline start no
    /// request, nonce or client pipeline runs). <see langword="null"/> when the connection opened, failed otherwise, or none was
    /// opened: then <see cref="StartupAsync"/> runs, in what is left of the deadline, and takes the connection.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<LicensingError?> StartupConnectionFailureAsync(Task? connecting, long startedAt, CancellationToken cancellationToken)
    {
        if (connecting is not null)
        {
            await connecting.WaitAsync(_options.StartupCheckTimeout, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            cancellationToken.ThrowIfCancellationRequested();
            if (!connecting.IsCompleted || StartupTimeLeft(startedAt) <= TimeSpan.Zero)
            {
                return _transport.TimedOut(StartupPath);
            }
        }

        return _transport.EarlyConnectionFailure(StartupPath);
    }

    /// <summary>A timestamp of the clock the start-up deadline runs on (the system's, like every network timeout).</summary>
    public static long StartupClock() => NetworkClock.GetTimestamp();

    private TimeSpan StartupTimeLeft(long startedAt) => _options.StartupCheckTimeout - NetworkClock.GetElapsedTime(startedAt);

    /// <summary>Closes the connection of <see cref="ConnectForStartup"/> when the start-up call did not take it.</summary>
    public void ReleaseStartupConnection() => _transport.ReleaseEarlyConnection();

    /// <summary>
    /// GET /.well-known/jwks.json: the keys the server publishes (signing and verification-only alike), read before a one-time
    /// password is spent. Retried like recovery (a GET changes nothing). Only Ed25519 keys with a <c>kid</c> and an <c>x</c> are kept.
    /// </summary>
    public async Task<LicensingResult<IReadOnlyList<PublishedKey>>> GetPublishedKeysAsync(CancellationToken cancellationToken)
    {
        const string Path = ".well-known/jwks.json";
        var answer = await _transport.GetAsync(RetryingClientName, Path, cancellationToken).ConfigureAwait(false);
        if (!answer.Succeeded)
        {
            return new(answer.Error);
        }

        var keys = new List<PublishedKey>();
        try
        {
            using var document = JsonDocument.Parse(answer.Value, new JsonDocumentOptions { MaxDepth = 8 });
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("keys", out var array) && array.ValueKind == JsonValueKind.Array)
            {
                foreach (var jwk in array.EnumerateArray())
                {
                    if (jwk.ValueKind == JsonValueKind.Object && Text(jwk, "kty") == "OKP" && Text(jwk, "crv") == "Ed25519"
                        && Text(jwk, "kid") is { Length: > 0 } kid && Text(jwk, "x") is { Length: > 0 } x)
                    {
                        keys.Add(new PublishedKey(kid, x));
                    }
                }

                return new(keys);
            }
        }
        catch (JsonException)
        {
        }

        Log.AnswerRefused(_logger, Path, "the body is not a JSON Web Key Set");
        return new(LicensingError.Of(LicensingFailure.InvalidResponse, "The license server's /.well-known/jwks.json is not a JSON Web Key Set."));

        static string? Text(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }

    private static LicensingResult<IssuedLicense> ReadIssuedLicense(byte[] content) =>
        ReadLicenseResponse(content) is { } body && Issued(body.License, body.Company) is { } issued
            ? new(issued)
            : new(LicensingError.Of(LicensingFailure.InvalidResponse, "The license server's answer holds no license and company."));

    private static LicenseResponse? ReadLicenseResponse(byte[] content)
    {
        try
        {
            return JsonSerializer.Deserialize(content, ProtocolJsonContext.Default.LicenseResponse);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IssuedLicense? Issued(string? license, CompanyProfileDto? company) =>
        license is { Length: > 0 } && company is not null && CompanyProfileWire.ToProfile(company) is { } profile ? new IssuedLicense(license, profile) : null;

    private static partial class Log
    {
        [LoggerMessage(13, LogLevel.Warning, "The license server's answer to {Path} was refused: {Reason}.", EventName = "AnswerRefused")]
        public static partial void AnswerRefused(ILogger logger, string path, string reason);
    }
}
