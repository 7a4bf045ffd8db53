using System.Net;
using System.Net.Sockets;

namespace Faktum.Licensing.Http;

/// <summary>
/// The start-up call's connection, opened while the start-up check still verifies the cached licenses (issue 15: the local work
/// overlaps the network attempt). Nothing is sent on it before the check has a license to present: the start-up call takes it
/// (<see cref="FirstConnectionHandler"/>, the first request of its pool), and a check that ends without sending closes it unused
/// (<see cref="Release"/>). It is opened only through the SDK's own primary handler when that is the one the start-up call's client
/// really uses (found in its built handler chain by <see cref="LicenseServerTransport.ConnectEarly"/>), so a host (or a test) that
/// gives the client another primary handler opens no connection here.
/// </summary>
internal sealed class EarlyConnection : IDisposable
{
    private readonly Lock _gate = new();
    private Opening? _opening;

    /// <summary>Gets the number of connections opened here so far (for tests).</summary>
    internal int Opened { get; private set; }

    /// <summary>
    /// Starts opening the connection to <paramref name="server"/> through <paramref name="handler"/>, the primary handler of the
    /// start-up call's client as its built chain holds it; nothing when one is being opened already, or the handler declines.
    /// </summary>
    /// <returns>The connect, complete once it has opened or failed (await it without throwing); <see langword="null"/> when nothing is opened.</returns>
    public Task? Open(FirstConnectionHandler handler, Uri server, TimeSpan timeout)
    {
        lock (_gate)
        {
            if (_opening is not null)
            {
                return null;
            }

            var stop = new CancellationTokenSource(timeout);
            if (handler.OpenEarly(server, stop.Token) is not { } socket)
            {
                stop.Dispose();
                return null;
            }

            // The timeout covers the connect only; once it has ended, its source is of no more use.
            _ = socket.ContinueWith(static (_, state) => ((CancellationTokenSource)state!).Dispose(), stop, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            _opening = new Opening(handler, server, socket, stop);
            Opened++;
            return socket;
        }
    }

    /// <summary>Hands the connection <paramref name="handler"/> is opening to <paramref name="endPoint"/> over to its request, once; <see langword="null"/> when there is none.</summary>
    public Task<Socket>? Take(FirstConnectionHandler handler, DnsEndPoint endPoint)
    {
        lock (_gate)
        {
            if (_opening is not { } opening || !ReferenceEquals(handler, opening.Handler)
                || !string.Equals(opening.Server.IdnHost, endPoint.Host, StringComparison.OrdinalIgnoreCase) || opening.Server.Port != endPoint.Port)
            {
                return null;
            }

            _opening = null;
            return opening.Socket;
        }
    }

    /// <summary>
    /// The failure that ended the connection being opened, which then ends it (nothing is left to take); <see langword="null"/> when
    /// none is being opened, or it has not failed (it opened, timed out, or is still opening): then it is left for the request.
    /// </summary>
    public Exception? TakeFailure()
    {
        lock (_gate)
        {
            if (_opening?.Socket is not { IsFaulted: true } socket)
            {
                return null;
            }

            _opening = null;
            return socket.Exception.InnerException;
        }
    }

    /// <summary>Ends the start-up check's interest: a connection not taken by then is closed without a byte sent on it.</summary>
    public void Release()
    {
        Opening? opening;
        lock (_gate)
        {
            opening = _opening;
            _opening = null;
        }

        if (opening is not null)
        {
            try
            {
                opening.Stop.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The connect had already ended (and its timeout source with it).
            }

            CloseWhenOpen(opening.Socket);
        }
    }

    public void Dispose() => Release();

    /// <summary>Closes the socket of <paramref name="opening"/> when it is open; a failure to open is observed and dropped.</summary>
    internal static void CloseWhenOpen(Task<Socket> opening) => opening.ContinueWith(
        static task =>
        {
            if (task.IsCompletedSuccessfully)
            {
                task.Result.Dispose();
            }
            else
            {
                _ = task.Exception;
            }
        },
        CancellationToken.None,
        TaskContinuationOptions.ExecuteSynchronously,
        TaskScheduler.Default);

    /// <summary>A connection being opened: by which handler, to which server, and the source of its connect timeout.</summary>
    private sealed record Opening(FirstConnectionHandler Handler, Uri Server, Task<Socket> Socket, CancellationTokenSource Stop);
}
