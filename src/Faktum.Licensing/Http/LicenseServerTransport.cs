using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace Faktum.Licensing.Http;

/// <summary>
/// Sends one /v1 request through a named <see cref="IHttpClientFactory"/> client and reads the answer with a size cap and a
/// timeout. A client is created per call, as a singleton must (a held client would pin its handler). Which client, which deadline
/// and what the body means are decided per endpoint by <see cref="LicenseServerClient"/>.
/// </summary>
internal sealed partial class LicenseServerTransport
{
    private const string ProblemJson = "application/problem+json";

    private readonly IHttpClientFactory _factory;
    private readonly IHttpMessageHandlerFactory _handlers;
    private readonly EarlyConnection _early;
    private readonly IOptions<FaktumLicensingOptions> _options;
    private readonly ILogger _logger;

    public LicenseServerTransport(
        IHttpClientFactory factory, IHttpMessageHandlerFactory handlers, EarlyConnection early, IOptions<FaktumLicensingOptions> options, ILogger<LicenseServerTransport> logger)
    {
        _factory = factory;
        _handlers = handlers;
        _early = early;
        _options = options;
        _logger = logger;
    }

    /// <summary>
    /// Sends the request and reads the success body. The body is read under a timeout of its own (<see cref="FaktumLicensingOptions.RequestTimeout"/>,
    /// which the resilience pipeline cannot cover: it ends when the headers arrive), and the whole call, headers, retries and body, under
    /// <paramref name="deadline"/> when one is given. Every transport failure — refused, reset (also mid-body), a stall, a timeout,
    /// the deadline — is <see cref="LicensingFailure.ServerUnreachable"/>; a refusal is the failure its problem details name; only
    /// the caller's own cancellation is thrown.
    /// </summary>
    public async Task<LicensingResult<byte[]>> SendAsync<TRequest>(
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
        return await SendJsonAsync(
            clientName, method, path, JsonSerializer.SerializeToUtf8Bytes(body, bodyType), headers, failFastWhenUnreachable, deadline, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>As <see cref="SendAsync{TRequest}"/>, with a body already written as UTF-8 JSON.</summary>
    public async Task<LicensingResult<byte[]>> SendJsonAsync(
        string clientName,
        HttpMethod method,
        string path,
        byte[] json,
        Action<HttpRequestHeaders>? headers,
        bool failFastWhenUnreachable,
        TimeSpan? deadline,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new ByteArrayContent(json) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        headers?.Invoke(request.Headers);
        return await SendAsync(clientName, request, path, failFastWhenUnreachable, deadline, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Builds the named client's handler chain (not the client: an offline start never uses one) on the thread pool, so that a call
    /// or an early connection made soon after finds it ready: the start-up check overlaps it with reading the state folder and
    /// verifying the cached token. A failure here is left to the call itself to report.
    /// </summary>
    public void WarmUp(string clientName) => ThreadPool.UnsafeQueueUserWorkItem(
        static state =>
        {
            try
            {
                state.Handlers.CreateHandler(state.Name);
            }
            catch (Exception)
            {
                // Never on a pool thread (it would end the process): the call itself builds the client again and reports the failure.
            }
        },
        (Handlers: _handlers, Name: clientName),
        preferLocal: false);

    /// <summary>
    /// Starts opening the next call's connection to <paramref name="server"/> (<see cref="EarlyConnection"/>), through the named
    /// client's own primary handler when its chain ends in one (the chain built by <see cref="WarmUp"/>, or built now).
    /// </summary>
    /// <returns>The connect (see <see cref="EarlyConnection.Open"/>); <see langword="null"/> when none is opened.</returns>
    public Task? ConnectEarly(string clientName, Uri server, TimeSpan timeout)
    {
        if (FirstConnectionHandler.In(_handlers.CreateHandler(clientName)) is { } primary)
        {
            return _early.Open(primary, server, timeout);
        }

        return null;
    }

    /// <summary>
    /// The failure of the connection of <see cref="ConnectEarly"/> when it could not be established at all
    /// (<see cref="LicenseServerClient.IsConnectionNotEstablished"/>), logged and worded as the call to <paramref name="path"/> that
    /// would have taken it fails; <see langword="null"/> when it opened, failed otherwise, is still opening, or none was opened.
    /// </summary>
    public LicensingError? EarlyConnectionFailure(string path) =>
        _early.TakeFailure() is HttpRequestException exception && LicenseServerClient.IsConnectionNotEstablished(exception)
            ? Unreachable(path, exception).Error
            : null;

    /// <summary>Closes the connection of <see cref="ConnectEarly"/> when no call took it.</summary>
    public void ReleaseEarlyConnection() => _early.Release();

    /// <summary>A GET without a body (the server's published keys), with the same caps, timeouts and failures as <see cref="SendAsync{TRequest}"/>.</summary>
    public Task<LicensingResult<byte[]>> GetAsync(string clientName, string path, CancellationToken cancellationToken) =>
        SendWithoutBodyAsync(clientName, HttpMethod.Get, path, headers: null, cancellationToken);

    /// <summary>A request without a body (a GET, a release), with the same caps, timeouts and failures as <see cref="SendAsync{TRequest}"/>.</summary>
    public async Task<LicensingResult<byte[]>> SendWithoutBodyAsync(
        string clientName, HttpMethod method, string path, Action<HttpRequestHeaders>? headers, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        headers?.Invoke(request.Headers);
        return await SendAsync(clientName, request, path, failFastWhenUnreachable: false, deadline: null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<LicensingResult<byte[]>> SendAsync(
        string clientName,
        HttpRequestMessage request,
        string path,
        bool failFastWhenUnreachable,
        TimeSpan? deadline,
        CancellationToken cancellationToken)
    {
        var client = _factory.CreateClient(clientName);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(ProblemJson));
        request.Options.Set(LicenseServerClient.FailFastWhenUnreachable, failFastWhenUnreachable);

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
            LicensingResult<byte[]> content;
            using (var bodyRead = CancellationTokenSource.CreateLinkedTokenSource(call.Token))
            {
                bodyRead.CancelAfter(_options.Value.RequestTimeout);
                content = await ReadLimitedAsync(response.Content, max, bodyRead.Token).ConfigureAwait(false);
            }

            if (!content.Succeeded)
            {
                Log.ResponseTooLarge(_logger, path, max);
                return content;
            }

            if (response.IsSuccessStatusCode)
            {
                return content;
            }

            var error = ProblemDetailsReader.Read(response, content.Value);
            if (error.Failure == LicensingFailure.UnknownProduct)
            {
                error = error with { Message = Internal.LicenseStatusMessages.UnknownProduct(_options.Value.ProductId!, _options.Value.ServerUrl) };
            }

            Log.ServerRefused(_logger, path, (int)response.StatusCode, error.ProblemType ?? "(none)");
            return new(error);
        }
        catch (HttpRequestException exception)
        {
            return Unreachable(path, exception);
        }
        catch (Exception exception) when (exception is IOException or SocketException)
        {
            // HttpIOException and friends: the connection broke while the answer was read (a reset mid-body, an aborted stream).
            return Unreachable(path, exception.Message, $"The license server's answer broke off: {exception.Message}");
        }
        catch (TimeoutRejectedException)
        {
            return new(TimedOut(path));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The deadline, the body-read timeout or HttpClient.Timeout, never the caller's token (that one is rethrown).
            return new(TimedOut(path));
        }
    }

    /// <summary>Reads at most <paramref name="max"/> bytes; a larger body is refused (<see cref="LicensingFailure.InvalidResponse"/>) while it is read.</summary>
    internal static async Task<LicensingResult<byte[]>> ReadLimitedAsync(HttpContent content, int max, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is { } length && length > max)
        {
            return TooLarge(max);
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
                        return TooLarge(max);
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
                    return TooLarge(max);
                }
            }

            return new(buffer.AsSpan(0, total).ToArray());
        }
    }

    private static LicensingResult<byte[]> TooLarge(int max) =>
        new(LicensingError.Of(LicensingFailure.InvalidResponse, $"The server's answer is larger than {max} bytes."));

    /// <summary>The failure of a call to <paramref name="path"/> that ran out of time (a timeout or its deadline), logged once.</summary>
    public LicensingError TimedOut(string path) => Unreachable(path, "timed out", "The license server did not answer in time.").Error;

    private LicensingResult<byte[]> Unreachable(string path, HttpRequestException exception) =>
        Unreachable(path, exception.Message, $"The license server cannot be reached: {exception.Message}");

    private LicensingResult<byte[]> Unreachable(string path, string reason, string message)
    {
        Log.ServerUnreachable(_logger, path, reason);
        return new(LicensingError.Of(LicensingFailure.ServerUnreachable, message));
    }

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
