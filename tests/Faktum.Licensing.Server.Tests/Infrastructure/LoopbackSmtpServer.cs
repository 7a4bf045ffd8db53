using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Faktum.Licensing.Server.Tests.Infrastructure;

/// <summary>
/// A real SMTP server (the SmtpServer package) on 127.0.0.1 that collects what it receives. The port is chosen when the
/// object is made, so a license server can be pointed at it before it runs (an outage) and it can start later.
/// </summary>
internal sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private readonly CollectingMessageStore _store = new();
    private CancellationTokenSource? _stop;
    private Task? _running;

    public int Port { get; } = FreePort();

    public IReadOnlyCollection<MimeMessage> Messages => _store.Messages;

    /// <summary>The configuration that points a license server at this SMTP server (plain SMTP, no authentication).</summary>
    public void Configure(IDictionary<string, string?> configuration)
    {
        configuration["FaktumServer:Email:Mode"] = "Smtp";
        configuration["FaktumServer:Email:Smtp:Host"] = "127.0.0.1";
        configuration["FaktumServer:Email:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        configuration["FaktumServer:Email:Smtp:SecureSocketOptions"] = "None";
    }

    public static async Task<LoopbackSmtpServer> StartAsync()
    {
        var server = new LoopbackSmtpServer();
        await server.StartListeningAsync();
        return server;
    }

    /// <summary>Starts listening on <see cref="Port"/> and returns once a connection is accepted there.</summary>
    public async Task StartListeningAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var provider = new SmtpServer.ComponentModel.ServiceProvider();
        provider.Add(_store);
        var smtp = new SmtpServer.SmtpServer(options, provider);
        _stop = new CancellationTokenSource();
        _running = smtp.StartAsync(_stop.Token);
        await ServerFixture.WaitUntilAsync(async () =>
        {
            using var probe = new TcpClient();
            try
            {
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }, $"the SMTP server to listen on port {Port}");
    }

    /// <summary>The messages to <paramref name="email"/> received so far.</summary>
    public IReadOnlyList<MimeMessage> MessagesTo(string email) =>
        _store.Messages.Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, email, StringComparison.OrdinalIgnoreCase))).ToList();

    public async ValueTask DisposeAsync()
    {
        if (_stop is not null)
        {
            await _stop.CancelAsync();
            try
            {
                await _running!;
            }
            catch (OperationCanceledException)
            {
            }

            _stop.Dispose();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class CollectingMessageStore : MessageStore
    {
        public ConcurrentQueue<MimeMessage> Messages { get; } = new();

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            Messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
