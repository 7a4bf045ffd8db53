using System.Net;
using System.Net.Sockets;

namespace Faktum.Licensing.Http;

/// <summary>
/// The primary handler of both named clients: a <see cref="SocketsHttpHandler"/> whose first connection this handler opens itself,
/// before the request enters the connection pool. A connection that cannot be made (refused, unreachable, a name that does not
/// resolve) fails here, with the <see cref="HttpRequestException"/> the pool throws for it (same <see cref="HttpRequestError"/>,
/// inner <see cref="SocketException"/> and message), and the pool's connection machinery is never run: at a cold start with the
/// server unreachable it was most of what the start-up call cost (issue 15). A connection that is made carries the request
/// (<see cref="SocketsHttpHandler.ConnectCallback"/> takes it), so a start-up check still makes exactly one connection.
/// Every later connection of the handler, and every request through a proxy, is connected by the pool as before.
/// </summary>
internal sealed class FirstConnectionHandler : DelegatingHandler
{
    private static readonly HttpRequestOptionsKey<OpenedConnection> Opened = new("Faktum.Licensing.OpenedConnection");

    private readonly IWebProxy? _proxy;
    private readonly EarlyConnection? _early;
    private int _firstTaken;

    /// <param name="inner">The handler whose connections this one opens.</param>
    /// <param name="early">The start-up call's early connection, for the handler of the client that makes the start-up call.</param>
    public FirstConnectionHandler(SocketsHttpHandler inner, EarlyConnection? early = null)
        : base(inner)
    {
        inner.ConnectCallback = ConnectAsync;
        _proxy = inner.UseProxy ? inner.Proxy ?? HttpClient.DefaultProxy : null;
        _early = early;
    }

    /// <summary>
    /// Starts opening a connection to <paramref name="server"/> for <see cref="EarlyConnection"/>; <see langword="null"/> when the
    /// first request has gone already (the pool has its connection) or requests to the server go through a proxy.
    /// </summary>
    /// <remarks>
    /// The connect runs on the thread pool: at a cold start its first run is mostly the JIT compiling the socket code, which then
    /// happens beside the caller's own work (the check of the cached licenses) instead of before it (issue 15).
    /// </remarks>
    public Task<Socket>? OpenEarly(Uri server, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _firstTaken) == 1 || IsProxied(server))
        {
            return null;
        }

        var endPoint = new DnsEndPoint(server.IdnHost, server.Port);
        return Task.Run(() => OpenAsync(endPoint, cancellationToken), CancellationToken.None);
    }

    /// <summary>Finds the <see cref="FirstConnectionHandler"/> of a client's handler chain, if the chain ends in one.</summary>
    public static FirstConnectionHandler? In(HttpMessageHandler chain)
    {
        for (var handler = chain; handler is DelegatingHandler delegating; handler = delegating.InnerHandler)
        {
            if (delegating is FirstConnectionHandler first)
            {
                return first;
            }
        }

        return null;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Only the first request of this handler: its connection pool is empty, so the pool is certain to ask for a connection.
        if (request.RequestUri is not { IsAbsoluteUri: true } uri || Interlocked.Exchange(ref _firstTaken, 1) == 1)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        // An early connection was opened only when the server is not behind a proxy: the proxy is asked once per start, not twice.
        var endPoint = new DnsEndPoint(uri.IdnHost, uri.Port);
        Socket socket;
        if (_early?.Take(this, endPoint) is { } early)
        {
            socket = await TakeEarlyAsync(early, cancellationToken).ConfigureAwait(false);
        }
        else if (IsProxied(uri))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            socket = await OpenAsync(endPoint, cancellationToken).ConfigureAwait(false);
        }

        var opened = new OpenedConnection(socket);
        request.Options.Set(Opened, opened);
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Not taken only when the request failed before the pool asked for a connection; then nothing else will use it.
            opened.Take()?.Dispose();
        }
    }

    /// <summary>Waits for the early connection under this request's token; one given up on is closed when it opens.</summary>
    private static async Task<Socket> TakeEarlyAsync(Task<Socket> early, CancellationToken cancellationToken)
    {
        try
        {
            return await early.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            EarlyConnection.CloseWhenOpen(early);
            throw;
        }
    }

    /// <summary>Connects as the pool does, and fails as the pool does when no connection can be made.</summary>
    private static async Task<Socket> OpenAsync(DnsEndPoint endPoint, CancellationToken cancellationToken)
    {
        try
        {
            return await ConnectSocketAsync(endPoint, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException exception)
        {
            var error = exception.SocketErrorCode is SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData
                ? HttpRequestError.NameResolutionError
                : HttpRequestError.ConnectionError;
            throw new HttpRequestException(error, $"{exception.Message} ({endPoint.Host}:{endPoint.Port})", exception);
        }
    }

    /// <summary>The pool's connect: the connection opened for this request when there is one, else a new one (the pool wraps its failures).</summary>
    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = context.InitialRequestMessage.Options.TryGetValue(Opened, out var opened) && opened.Take() is { } taken
            ? taken
            : await ConnectSocketAsync(context.DnsEndPoint, cancellationToken).ConfigureAwait(false);
        return new NetworkStream(socket, ownsSocket: true);
    }

    /// <summary>A TCP connection as the pool makes one (dual mode, no Nagle); a socket that does not connect is disposed.</summary>
    private static async Task<Socket> ConnectSocketAsync(DnsEndPoint endPoint, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private bool IsProxied(Uri uri) => _proxy is { } proxy && !proxy.IsBypassed(uri) && proxy.GetProxy(uri) is not null;

    /// <summary>A connected socket that exactly one of the pool's connect and the request's end takes.</summary>
    private sealed class OpenedConnection(Socket socket)
    {
        private Socket? _socket = socket;

        public Socket? Take() => Interlocked.Exchange(ref _socket, null);
    }
}
