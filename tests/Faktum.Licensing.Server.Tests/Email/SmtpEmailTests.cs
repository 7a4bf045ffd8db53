using System.Net;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Storage;
using Faktum.Licensing.Server.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Faktum.Licensing.Server.Tests.Email;

/// <summary>Mail over SMTP through the outbox, against a real SMTP server on loopback that is up, down, or comes up late.</summary>
public sealed class SmtpEmailTests
{
    [Fact]
    public async Task With_smtp_mode_the_one_time_password_arrives_over_smtp_once()
    {
        await using var smtp = await LoopbackSmtpServer.StartAsync();
        await using var server = await ServerFixture.StartAsync(configure: c =>
        {
            smtp.Configure(c);
            c["FaktumServer:Email:From"] = "licenses@faktum.example";
            c["FaktumServer:Email:Language"] = "en";
        });

        using var registered = await server.PostAsync("/v1/registrations", ServerFixture.Registration("smtp@example.nl"));
        Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);

        await ServerFixture.WaitUntilAsync(async () => (await server.OutboxAsync()).All(m => m.Status == OutboxMessageStatus.Sent), "the mail to be sent");
        var message = Assert.Single(smtp.Messages);
        Assert.Equal("smtp@example.nl", message.To.Mailboxes.Single().Address);
        Assert.Equal("licenses@faktum.example", message.From.Mailboxes.Single().Address);
        Assert.Contains("one-time password", message.Subject, StringComparison.Ordinal);
        var password = ServerFixture.ExtractPassword(message);
        Assert.False(Directory.Exists(server.PickupDirectory) && Directory.GetFiles(server.PickupDirectory).Length > 0);
        var sent = Assert.Single(await server.OutboxAsync());
        Assert.Null(sent.Content);
        Assert.Equal(1, sent.Attempts);

        var confirmed = await server.ConfirmAsync("smtp@example.nl", password, "install-one-0001");
        Assert.Equal("smtp@example.nl", confirmed.Company.Email);
    }

    [Fact]
    public async Task With_the_smtp_server_down_a_registration_succeeds_and_its_mail_arrives_once_the_server_is_up()
    {
        await using var smtp = new LoopbackSmtpServer(); // not listening yet: the mail server is down
        await using var server = await ServerFixture.StartAsync(configure: c =>
        {
            smtp.Configure(c);
            c["FaktumServer:Email:Outbox:RetryDelay"] = "00:00:00.2";
        });

        using var registered = await server.PostAsync("/v1/registrations", ServerFixture.Registration("outage@example.nl"));
        Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        await ServerFixture.WaitUntilAsync(async () => (await server.OutboxAsync()).Single().Attempts >= 2, "two failed attempts");
        var failing = Assert.Single(await server.OutboxAsync());
        Assert.Equal(OutboxMessageStatus.Pending, failing.Status);
        Assert.NotNull(failing.Content);
        Assert.False(string.IsNullOrEmpty(failing.LastError));

        await smtp.StartListeningAsync();

        await ServerFixture.WaitUntilAsync(async () => (await server.OutboxAsync()).Single().Status == OutboxMessageStatus.Sent, "the mail to be sent");
        var message = Assert.Single(smtp.Messages);
        var password = ServerFixture.ExtractPassword(message);
        var sent = Assert.Single(await server.OutboxAsync());
        Assert.Null(sent.Content);
        Assert.True(sent.Attempts >= 3);
        Assert.DoesNotContain(password, sent.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(password.Replace("-", "", StringComparison.Ordinal), sent.LastError, StringComparison.OrdinalIgnoreCase);
        await server.ConfirmAsync("outage@example.nl", password, "install-one-0001");
    }

    [Fact]
    public async Task A_mail_that_keeps_failing_is_given_up_after_the_attempt_limit_and_its_body_deleted()
    {
        await using var smtp = new LoopbackSmtpServer(); // never comes up
        await using var server = await ServerFixture.StartAsync(configure: c =>
        {
            smtp.Configure(c);
            c["FaktumServer:Email:Outbox:MaxAttempts"] = "3";
            c["FaktumServer:Email:Outbox:RetryDelay"] = "00:00:00.1";
        });

        using var registered = await server.PostAsync("/v1/registrations", ServerFixture.Registration("never@example.nl"));
        Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);

        await ServerFixture.WaitUntilAsync(async () => (await server.OutboxAsync()).Single().Status != OutboxMessageStatus.Pending, "the mail to be given up");
        var failed = Assert.Single(await server.OutboxAsync());
        Assert.Equal(OutboxMessageStatus.Failed, failed.Status);
        Assert.Equal(3, failed.Attempts);
        Assert.Null(failed.Content);
        Assert.NotNull(failed.CompletedAt);
        Assert.False(string.IsNullOrEmpty(failed.LastError));
        Assert.DoesNotMatch("[2-9A-HJ-NP-Z]{5}-?[2-9A-HJ-NP-Z]{5}", failed.LastError);
    }

    [Fact]
    public async Task A_one_time_password_mail_that_could_only_arrive_after_its_password_expired_is_discarded()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
        await using var smtp = new LoopbackSmtpServer(); // down for longer than the password lives
        await using var server = await ServerFixture.StartAsync(time, configure: smtp.Configure);

        using var registered = await server.PostAsync("/v1/registrations", ServerFixture.Registration("late@example.nl"));
        Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        await ServerFixture.WaitUntilAsync(async () => (await server.OutboxAsync()).Single().Attempts >= 1, "the first failed attempt");

        // Let the server's clock run on, a minute at a time, until the outbox gives the mail up.
        await ServerFixture.WaitUntilAsync(async () =>
        {
            time.Advance(TimeSpan.FromMinutes(1));
            return (await server.OutboxAsync()).Single().Status != OutboxMessageStatus.Pending;
        }, "the mail to be discarded");

        var discarded = Assert.Single(await server.OutboxAsync());
        Assert.Equal(OutboxMessageStatus.Discarded, discarded.Status);
        Assert.Null(discarded.Content);
        Assert.False(string.IsNullOrEmpty(discarded.LastError));
        Assert.Empty(smtp.Messages);
    }

    [Fact]
    public async Task A_new_recovery_password_discards_the_unsent_mail_with_the_old_one()
    {
        await using var smtp = new LoopbackSmtpServer(); // down
        await using var server = await ServerFixture.StartAsync(configure: c =>
        {
            smtp.Configure(c);
            c["FaktumServer:Email:Outbox:RetryDelay"] = "00:00:00.2";
        });
        using var registered = await server.PostAsync("/v1/registrations", ServerFixture.Registration("again@example.nl"));
        await ServerFixture.WaitUntilAsync(async () => (await server.OutboxAsync()).Single().Attempts >= 1, "the first failed attempt");

        using var recovery = await server.PostAsync("/v1/recoveries", new RecoveryRequest("again@example.nl", ServerFixture.Product, "install-one-0001"));
        Assert.Equal(HttpStatusCode.Accepted, recovery.StatusCode);
        var outbox = await server.OutboxAsync();
        Assert.Equal(2, outbox.Count);
        Assert.Equal(OutboxMessageStatus.Discarded, outbox[0].Status);
        Assert.Null(outbox[0].Content);

        await smtp.StartListeningAsync();
        await ServerFixture.WaitUntilAsync(async () => (await server.OutboxAsync())[1].Status == OutboxMessageStatus.Sent, "the new mail to be sent");
        var message = Assert.Single(smtp.MessagesTo("again@example.nl"));
        await server.ConfirmAsync("again@example.nl", ServerFixture.ExtractPassword(message), "install-one-0001");
    }
}
