using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Faktum.Licensing.Server.Tests.Infrastructure;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Faktum.Licensing.Server.Tests.Email;

public sealed class SmtpEmailTests
{
    [Fact]
    public async Task With_smtp_mode_the_one_time_password_arrives_over_smtp()
    {
        var port = FreePort();
        var store = new CollectingMessageStore();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var provider = new SmtpServer.ComponentModel.ServiceProvider();
        provider.Add(store);
        var smtp = new SmtpServer.SmtpServer(options, provider);
        using var stop = new CancellationTokenSource();
        var running = smtp.StartAsync(stop.Token);

        try
        {
            await using var server = await ServerFixture.StartAsync(configure: c =>
            {
                c["FaktumServer:Email:Mode"] = "Smtp";
                c["FaktumServer:Email:From"] = "licenses@faktum.example";
                c["FaktumServer:Email:Language"] = "en";
                c["FaktumServer:Email:Smtp:Host"] = "127.0.0.1";
                c["FaktumServer:Email:Smtp:Port"] = port.ToString();
                c["FaktumServer:Email:Smtp:SecureSocketOptions"] = "None";
            });

            using var registered = await server.PostAsync("/v1/registrations", ServerFixture.Registration("smtp@example.nl"));
            Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);

            for (var waited = 0; store.Messages.IsEmpty && waited < 10_000; waited += 25)
            {
                await Task.Delay(25);
            }

            var message = Assert.Single(store.Messages);
            Assert.Equal("smtp@example.nl", message.To.Mailboxes.Single().Address);
            Assert.Equal("licenses@faktum.example", message.From.Mailboxes.Single().Address);
            Assert.Contains("one-time password", message.Subject, StringComparison.Ordinal);
            var password = ServerFixture.ExtractPassword(message);
            Assert.False(Directory.Exists(server.PickupDirectory) && Directory.GetFiles(server.PickupDirectory).Length > 0);

            var confirmed = await server.ConfirmAsync("smtp@example.nl", password, "install-one-0001");
            Assert.Equal("smtp@example.nl", confirmed.Company.Email);
        }
        finally
        {
            await stop.CancelAsync();
            try
            {
                await running;
            }
            catch (OperationCanceledException)
            {
            }
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
