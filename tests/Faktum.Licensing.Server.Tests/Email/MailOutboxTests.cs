using System.Net;
using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Email;
using Faktum.Licensing.Server.Storage;
using Faktum.Licensing.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Faktum.Licensing.Server.Tests.Email;

/// <summary>The transactional mail outbox with the pickup folder: stored with the change, sent once, body deleted, nothing lost.</summary>
public sealed class MailOutboxTests
{
    [Theory]
    [BothStorageProviders]
    public async Task The_one_time_password_mail_goes_through_the_outbox_to_the_pickup_folder_once_and_leaves_no_body(StorageProvider provider)
    {
        await using var server = await ServerFixture.StartAsync(provider: provider);

        using var registered = await server.PostAsync("/v1/registrations", ServerFixture.Registration("outbox@example.nl"));
        Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        var password = server.ReadOneTimePassword("outbox@example.nl");

        await ServerFixture.WaitUntilAsync(async () => (await server.OutboxAsync()).All(m => m.Status == OutboxMessageStatus.Sent), "the mail to be marked sent");
        var sent = Assert.Single(await server.OutboxAsync());
        Assert.Equal(MailOutbox.OneTimePasswordKind, sent.Kind);
        Assert.Null(sent.Content);
        Assert.Equal(1, sent.Attempts);
        Assert.Null(sent.LastError);
        Assert.NotNull(sent.CompletedAt);
        Assert.Null(sent.ClaimedBy);
        Assert.Equal(sent.AccountId, await server.WithDbAsync(db => Task.FromResult(db.Accounts.Single().Id)));
        await server.ConfirmAsync("outbox@example.nl", password, "install-one-0001");
        Assert.Single(server.MessagesTo("outbox@example.nl"));
    }

    [Fact]
    public async Task The_notice_for_a_registration_with_an_address_in_use_goes_through_the_outbox_too()
    {
        await using var server = await ServerFixture.StartAsync();
        // An address in use by a registration not yet confirmed (a confirmed one registers another company, S9).
        using (var first = await server.PostAsync("/v1/registrations", ServerFixture.Registration("taken@example.nl")))
        {
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        }

        using var again = await server.PostAsync("/v1/registrations", ServerFixture.Registration("taken@example.nl", name: "Slagerij De Vries", postcode: "5678 CD"));
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);

        await ServerFixture.WaitUntilAsync(async () => (await server.OutboxAsync()).Count == 2 && (await server.OutboxAsync()).All(m => m.Status == OutboxMessageStatus.Sent), "both mails to be sent");
        var notice = (await server.OutboxAsync())[1];
        Assert.Equal(MailOutbox.RegistrationAttemptKind, notice.Kind);
        Assert.Null(notice.Content);
        Assert.Equal(2, server.WaitForMessagesTo("taken@example.nl", 2).Count);
    }

    [Theory]
    [BothStorageProviders]
    public async Task Competing_dispatchers_send_each_mail_exactly_once(StorageProvider provider)
    {
        const int Registrations = 30;
        var dataDirectory = Path.Combine(Path.GetTempPath(), "faktum-server-tests", Guid.NewGuid().ToString("N"), "data");
        var server = await ServerFixture.StartAsync(
            provider: provider,
            dataDirectory: dataDirectory,
            configure: c => c["FaktumServer:Email:Outbox:PollInterval"] = "00:00:00.02",
            services: s =>
            {
                // Four more dispatchers in this process, all polling the same table: they contend for every mail the way
                // the dispatchers of several instances on one PostgreSQL database do.
                for (var i = 0; i < 4; i++)
                {
                    s.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<MailOutboxDispatcher>(sp));
                }
            });
        var pickup = server.PickupDirectory;
        try
        {
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var requests = Enumerable.Range(0, Registrations).Select(i => Task.Run(async () =>
            {
                await gate.Task;
                using var response = await server.PostAsync("/v1/registrations", ServerFixture.Registration($"once{i}@example.nl", $"Bakkerij Nummer {i}", "1234 AB", $"install-{i:D4}-once"));
                return response.StatusCode;
            })).ToList();
            gate.SetResult();
            Assert.All(await Task.WhenAll(requests), status => Assert.Equal(HttpStatusCode.Accepted, status));

            await ServerFixture.WaitUntilAsync(
                async () => (await server.OutboxAsync()) is { Count: Registrations } all && all.All(m => m.Status == OutboxMessageStatus.Sent),
                "every mail to be marked sent");
            Assert.All(await server.OutboxAsync(), m => Assert.Equal(1, m.Attempts));
        }
        finally
        {
            // Stopping waits for every dispatcher, so a duplicate still on its way would be in the folder by now.
            await server.DisposeAsync();
        }

        try
        {
            var recipients = Directory.GetFiles(pickup, "*.eml").Select(f => MimeKit.MimeMessage.Load(f).To.Mailboxes.Single().Address).ToList();
            Assert.Equal(Registrations, recipients.Count);
            Assert.Equal(Registrations, recipients.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        }
        finally
        {
            DeleteData(dataDirectory);
        }
    }

    [Fact]
    public async Task A_mail_committed_just_before_the_server_stopped_is_sent_after_the_restart()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "faktum-server-tests", Guid.NewGuid().ToString("N"), "data");
        try
        {
            // The first run commits the registration (and its mail) but dies before any dispatcher sends it.
            await using (var crashed = await ServerFixture.StartAsync(dataDirectory: dataDirectory, services: WithoutDispatcher))
            {
                using var registered = await crashed.PostAsync("/v1/registrations", ServerFixture.Registration("restart@example.nl"));
                Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
                var pending = Assert.Single(await crashed.OutboxAsync());
                Assert.Equal(OutboxMessageStatus.Pending, pending.Status);
                Assert.NotNull(pending.Content);
                Assert.Empty(crashed.MessagesTo("restart@example.nl"));
            }

            await using var restarted = await ServerFixture.StartAsync(dataDirectory: dataDirectory);
            var password = restarted.ReadOneTimePassword("restart@example.nl");
            await ServerFixture.WaitUntilAsync(async () => (await restarted.OutboxAsync()).Single().Status == OutboxMessageStatus.Sent, "the mail to be marked sent");
            Assert.Null((await restarted.OutboxAsync()).Single().Content);
            await restarted.ConfirmAsync("restart@example.nl", password, "install-one-0001");
        }
        finally
        {
            DeleteData(dataDirectory);
        }
    }

    private static void DeleteData(string dataDirectory)
    {
        try
        {
            Directory.Delete(Path.GetDirectoryName(dataDirectory)!, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void WithoutDispatcher(IServiceCollection services)
    {
        foreach (var descriptor in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(MailOutboxDispatcher)).ToList())
        {
            services.Remove(descriptor);
        }
    }
}
