using System.Net;
using System.Net.Sockets;

namespace Faktum.Licensing.Tests.Infrastructure;

/// <summary>
/// A loopback address whose connect never completes, as behind a firewall that drops the SYN: a listener with a backlog of one
/// that never accepts, its accept queue filled by connections held here, so the kernel drops every further SYN (Linux's
/// tcp_abort_on_overflow is 0: no reset is sent, the client keeps retransmitting).
/// </summary>
internal sealed class UnansweredConnect : IDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly List<Socket> _fillers = [];

    public UnansweredConnect()
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(1);
        var endPoint = (IPEndPoint)_listener.LocalEndPoint!;
        Uri = new Uri($"http://127.0.0.1:{endPoint.Port}/");

        // Until one connect stays pending, the queue still has room: each completed connect takes a place in it.
        for (var i = 0; i < 8; i++)
        {
            var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            _fillers.Add(filler);
            if (!filler.ConnectAsync(endPoint).Wait(TimeSpan.FromMilliseconds(500)))
            {
                return;
            }
        }

        throw new InvalidOperationException("The listener's accept queue never filled: connects to it still complete.");
    }

    public Uri Uri { get; }

    public void Dispose()
    {
        foreach (var filler in _fillers)
        {
            filler.Dispose();
        }

        _listener.Dispose();
    }
}
