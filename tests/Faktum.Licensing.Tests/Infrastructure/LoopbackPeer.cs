using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Faktum.Licensing.Tests.Infrastructure;

/// <summary>
/// Real TCP on 127.0.0.1 for the network failures a stub handler cannot produce: a port that refuses, a peer that resets
/// the connection after reading the request, one that answers with a bare status, one that never answers, and the answers
/// that break off after their headers (a stall, a trickle, a reset mid-body).
/// </summary>
internal sealed class LoopbackPeer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<Socket, byte[], CancellationToken, Task> _serve;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _accepted;
    private int _requests;
    private int _closed;

    private LoopbackPeer(Func<Socket, byte[], CancellationToken, Task> serve)
    {
        _serve = serve;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Uri = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _loop = AcceptAsync();
    }

    public Uri Uri { get; }

    /// <summary>Gets the number of connections accepted so far.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    /// <summary>Gets the number of accepted connections that have ended (closed by the client or the peer).</summary>
    public int Closed => Volatile.Read(ref _closed);

    /// <summary>Gets the number of requests answered so far by <see cref="AnsweringOnOneConnection"/>.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>An address on which a connection is refused: a listener bound to port 0, its port noted, then stopped.</summary>
    public static Uri Refusing()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }

    /// <summary>Accepts, reads the whole request, then resets the connection (RST) instead of answering.</summary>
    public static LoopbackPeer ResettingAfterTheRequest() => new(static (socket, _, _) =>
    {
        socket.LingerState = new LingerOption(true, 0);
        return Task.CompletedTask;
    });

    /// <summary>Accepts, reads the whole request and answers with <paramref name="status"/> and an empty body.</summary>
    public static LoopbackPeer Answering(HttpStatusCode status) => new(async (socket, _, cancellationToken) =>
    {
        var head = $"HTTP/1.1 {(int)status} {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        await socket.SendAsync(Encoding.ASCII.GetBytes(head), SocketFlags.None, cancellationToken);
        socket.Shutdown(SocketShutdown.Send);
    });

    /// <summary>
    /// Answers every request on a connection with <paramref name="status"/> and an empty body and keeps the connection open for the
    /// next one (HTTP/1.1 keep-alive); <see cref="Requests"/> counts the requests over all connections.
    /// </summary>
    public static LoopbackPeer AnsweringOnOneConnection(HttpStatusCode status)
    {
        LoopbackPeer? peer = null;
        peer = new(async (socket, buffer, cancellationToken) =>
        {
            var head = Encoding.ASCII.GetBytes($"HTTP/1.1 {(int)status} {status}\r\nContent-Length: 0\r\n\r\n");
            do
            {
                Interlocked.Increment(ref peer!._requests);
                await socket.SendAsync(head, SocketFlags.None, cancellationToken);
            }
            while (await ReadRequestAsync(socket, buffer, cancellationToken));
        });
        return peer;
    }

    /// <summary>Accepts, reads the whole request and never answers (until the client gives up and closes).</summary>
    public static LoopbackPeer Silent() => new(static async (socket, buffer, cancellationToken) =>
    {
        while (await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken) > 0)
        {
        }
    });

    /// <summary>Accepts, reads the request, sends the headers of a 200 with a 4 KB JSON body, then stalls without a byte of it.</summary>
    public static LoopbackPeer SendingHeadersThenStalling() => new(static async (socket, buffer, cancellationToken) =>
    {
        await SendAsync(socket, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4096\r\n\r\n", cancellationToken);
        await DrainAsync(socket, buffer, cancellationToken);
    });

    /// <summary>Accepts, reads the request, sends the headers of a chunked 200, then one byte of body every <paramref name="interval"/>, forever.</summary>
    public static LoopbackPeer Trickling(TimeSpan interval) => new(async (socket, _, cancellationToken) =>
    {
        await SendAsync(socket, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n1\r\n{\r\n", cancellationToken);
        while (true)
        {
            await Task.Delay(interval, cancellationToken);
            await SendAsync(socket, "1\r\n \r\n", cancellationToken);
        }
    });

    /// <summary>Accepts, reads the request, sends the headers of a 200 with a 4 KB body and its first bytes, then resets the connection (RST).</summary>
    public static LoopbackPeer ResettingMidBody() => new(static async (socket, _, cancellationToken) =>
    {
        await SendAsync(socket, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4096\r\n\r\n{\"response\":\"eyJ", cancellationToken);
        await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        socket.LingerState = new LingerOption(true, 0);
    });

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private static async Task SendAsync(Socket socket, string text, CancellationToken cancellationToken) =>
        await socket.SendAsync(Encoding.ASCII.GetBytes(text), SocketFlags.None, cancellationToken);

    // Reads until the client closes its side (or the peer is disposed).
    private static async Task DrainAsync(Socket socket, byte[] buffer, CancellationToken cancellationToken)
    {
        while (await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken) > 0)
        {
        }
    }

    /// <summary>Reads one request, head and body; <see langword="false"/> when the client closed the connection first.</summary>
    private static async Task<bool> ReadRequestAsync(Socket socket, byte[] buffer, CancellationToken cancellationToken)
    {
        var received = new List<byte>();
        int end;
        while ((end = IndexOfBlankLine(received)) < 0)
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
            if (read == 0)
            {
                return false;
            }

            received.AddRange(buffer.AsSpan(0, read));
        }

        var head = Encoding.ASCII.GetString([.. received], 0, end);
        var length = head.Split("\r\n")
            .Where(line => line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            .Select(line => int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture))
            .FirstOrDefault();
        var body = received.Count - (end + 4);
        while (body < length)
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
            if (read == 0)
            {
                return false;
            }

            body += read;
        }

        return true;
    }

    private static int IndexOfBlankLine(List<byte> bytes)
    {
        for (var i = 0; i + 3 < bytes.Count; i++)
        {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }

    private async Task AcceptAsync()
    {
        var connections = new List<Task>();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token);
                Interlocked.Increment(ref _accepted);
                connections.Add(ServeAsync(socket));
            }
        }
        finally
        {
            await Task.WhenAll(connections);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using (socket)
        {
            var buffer = new byte[16 * 1024];
            try
            {
                if (await ReadRequestAsync(socket, buffer, _stop.Token))
                {
                    await _serve(socket, buffer, _stop.Token);
                }
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException)
            {
            }
        }

        Interlocked.Increment(ref _closed);
    }
}
