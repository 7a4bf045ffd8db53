using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Faktum.Licensing.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace Faktum.Licensing.Http;

/// <summary>
/// Sends one /v1 request through the named <see cref="IHttpClientFactory"/> clients and reads the answer with a size cap.
/// A client is created per call, as a singleton must (a held client would pin its handler).
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

    private const string ProblemJson = "application/problem+json";

    private readonly IHttpClientFactory _factory;
    private readonly IOptions<FaktumLicensingOptions> _options;
    private readonly ILogger _logger;

    public LicenseServerClient(IHttpClientFactory factory, IOptions<FaktumLicensingOptions> options, ILogger<LicenseServerClient> logger)
    {
        _factory = factory;
        _options = options;
        _logger = logger;
    }

    /// <summary>
    /// Sends the request and reads its answer. The body is read under a timeout of its own (<see cref="FaktumLicensingOptions.RequestTimeout"/>,
    /// which the resilience pipeline cannot cover: it ends when the headers arrive), and the whole call, headers, retries and body, under
    /// <paramref name="deadline"/> when one is given. Every transport failure — refused, reset (also mid-body), a stall, a timeout,
    /// the deadline — is <see cref="LicensingFailure.ServerUnreachable"/>; only the caller's own cancellation is thrown.
    /// </summary>
    public async Task<ServerAnswer> SendAsync<TRequest>(
        string clientName,
        HttpMethod method,
        string path,
        TRequest body,
        JsonTypeInfo<TRequest> bodyType,
        Action<HttpRequestHeaders>? headers,
        bool failFastWhenUnreachable,
        TimeSpan? deadline,
        CancellationToken cancellationToken)
    {
        var client = _factory.CreateClient(clientName);
        using var request = new HttpRequestMessage(method, path)
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, bodyType)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(ProblemJson));
        headers?.Invoke(request.Headers);
        request.Options.Set(FailFastWhenUnreachable, failFastWhenUnreachable);

        // Timeouts measure real waiting, on the system clock (like the resilience pipeline's), never the host's TimeProvider.
        using var call = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (deadline is { } overall)
        {
            call.CancelAfter(overall);
        }

        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, call.Token).ConfigureAwait(false);
            var max = _options.Value.MaxResponseBytes;
            byte[]? content;
            using (var bodyRead = CancellationTokenSource.CreateLinkedTokenSource(call.Token))
            {
                bodyRead.CancelAfter(_options.Value.RequestTimeout);
                content = await ReadLimitedAsync(response.Content, max, bodyRead.Token).ConfigureAwait(false);
            }

            if (content is null)
            {
                Log.ResponseTooLarge(_logger, path, max);
                return ServerAnswer.Failed(LicensingError.Of(LicensingFailure.InvalidResponse, $"The server's answer is larger than {max} bytes."));
            }

            if (response.IsSuccessStatusCode)
            {
                return new ServerAnswer(response.StatusCode, content, null);
            }

            var error = ReadProblem(response, content);
            Log.ServerRefused(_logger, path, (int)response.StatusCode, error.ProblemType ?? "(none)");
            return new ServerAnswer(response.StatusCode, content, error);
        }
        catch (HttpRequestException exception)
        {
            return Unreachable(path, exception.Message, $"The license server cannot be reached: {exception.Message}");
        }
        catch (Exception exception) when (exception is IOException or SocketException)
        {
            // HttpIOException and friends: the connection broke while the answer was read (a reset mid-body, an aborted stream).
            return Unreachable(path, exception.Message, $"The license server's answer broke off: {exception.Message}");
        }
        catch (TimeoutRejectedException)
        {
            return Unreachable(path, "timed out", "The license server did not answer in time.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The deadline, the body-read timeout or HttpClient.Timeout, never the caller's token (that one is rethrown).
            return Unreachable(path, "timed out", "The license server did not answer in time.");
        }
    }

    /// <summary>
    /// Whether <paramref name="exception"/> says no connection to the server could be made at all: refused (nothing listens, or a
    /// firewall rejects), host or network unreachable, network down, or the server's name does not resolve. The request never left
    /// this computer. A connection reset, a timeout or a broken answer are not such failures: the server may have been reached.
    /// </summary>
    internal static bool IsConnectionNotEstablished(Exception exception) => exception switch
    {
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => true,
        HttpRequestException
        {
            HttpRequestError: HttpRequestError.ConnectionError,
            InnerException: SocketException
            {
                SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.NetworkDown,
            },
        } => true,
        _ => false,
    };

    /// <summary>Reads at most <paramref name="max"/> bytes; returns <see langword="null"/> when the body is larger.</summary>
    internal static async Task<byte[]?> ReadLimitedAsync(HttpContent content, int max, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is { } length && length > max)
        {
            return null;
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[Math.Min(max + 1, 16 * 1024)];
            var total = 0;
            while (true)
            {
                if (total == buffer.Length)
                {
                    if (buffer.Length > max)
                    {
                        return null;
                    }

                    Array.Resize(ref buffer, Math.Min(buffer.Length * 2, max + 1));
                }

                var read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                total += read;
                if (total > max)
                {
                    return null;
                }
            }

            return buffer.AsSpan(0, total).ToArray();
        }
    }

    private ServerAnswer Unreachable(string path, string reason, string message)
    {
        Log.ServerUnreachable(_logger, path, reason);
        return ServerAnswer.Failed(LicensingError.Of(LicensingFailure.ServerUnreachable, message));
    }

    private static LicensingError ReadProblem(HttpResponseMessage response, byte[] content)
    {
        string? type = null, detail = null;
        var fieldErrors = LicensingError.EmptyFieldErrors;
        try
        {
            using var document = JsonDocument.Parse(content, new JsonDocumentOptions { MaxDepth = 8 });
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                type = Text(root, "type");
                detail = Text(root, "detail") ?? Text(root, "title");
                if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
                {
                    var map = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
                    foreach (var field in errors.EnumerateObject())
                    {
                        map[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                            ? [.. field.Value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
                            : [];
                    }

                    fieldErrors = map;
                }
            }
        }
        catch (JsonException)
        {
            // Not problem details: classified by status code alone.
        }

        var retryAfter = response.Headers.RetryAfter?.Delta;
        var status = (int)response.StatusCode;
        var failure = type switch
        {
            ProblemTypes.ValidationFailed => LicensingFailure.InvalidInput,
            ProblemTypes.CompanyAlreadyRegistered => LicensingFailure.CompanyAlreadyRegistered,
            ProblemTypes.OneTimePasswordInvalid => LicensingFailure.OneTimePasswordInvalid,
            ProblemTypes.TooManyAttempts => LicensingFailure.TooManyAttempts,
            ProblemTypes.CompanyNameImmutable => LicensingFailure.CompanyNameImmutable,
            ProblemTypes.InvalidLicenseToken => LicensingFailure.LicenseRejected,
            ProblemTypes.RateLimited => LicensingFailure.RateLimited,
            _ when response.StatusCode == HttpStatusCode.TooManyRequests => LicensingFailure.RateLimited,
            _ when status >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout => LicensingFailure.ServerUnreachable,
            _ => LicensingFailure.RequestRejected,
        };

        var message = failure switch
        {
            LicensingFailure.CompanyAlreadyRegistered => "This company is already registered. Choose 'existing company' and confirm with the e-mail address it was registered with.",
            LicensingFailure.OneTimePasswordInvalid => "The one-time password is wrong, expired or already used.",
            LicensingFailure.TooManyAttempts => "Too many wrong one-time passwords. Request a new one.",
            LicensingFailure.CompanyNameImmutable => "The company name cannot be changed.",
            LicensingFailure.RateLimited => "The license server asks to slow down. Try again later.",
            LicensingFailure.ServerUnreachable => $"The license server failed ({status}).",
            _ => detail is { Length: > 0 and <= 500 } ? detail : $"The license server refused the request ({status}).",
        };

        return new LicensingError(failure, message, fieldErrors, type, retryAfter);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static partial class Log
    {
        [LoggerMessage(10, LogLevel.Warning, "The license server cannot be reached for {Path}: {Reason}.", EventName = "ServerUnreachable")]
        public static partial void ServerUnreachable(ILogger logger, string path, string reason);

        [LoggerMessage(11, LogLevel.Information, "The license server refused {Path} with {StatusCode} {ProblemType}.", EventName = "ServerRefused")]
        public static partial void ServerRefused(ILogger logger, string path, int statusCode, string problemType);

        [LoggerMessage(12, LogLevel.Warning, "The license server's answer to {Path} is larger than {MaxBytes} bytes and was refused.", EventName = "ResponseTooLarge")]
        public static partial void ResponseTooLarge(ILogger logger, string path, int maxBytes);
    }
}

/// <summary>One answer: a success status with its body, or a failure.</summary>
internal sealed record ServerAnswer(HttpStatusCode StatusCode, byte[] Content, LicensingError? Error)
{
    public static ServerAnswer Failed(LicensingError error) => new(0, [], error);
}
