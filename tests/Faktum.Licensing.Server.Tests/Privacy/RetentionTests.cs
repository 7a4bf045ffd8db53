using System.Net;
using Faktum.Licensing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Faktum.Licensing.Server.Tests.Privacy;

public sealed class RetentionTests
{
    [Fact]
    public async Task Past_the_retention_period_expired_one_time_passwords_are_purged_and_nothing_else_but_an_unconfirmed_registrations_own()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
        await using var server = await ServerFixture.StartAsync(time);
        await server.RegisterAndConfirmAsync("retention-confirmed@example.nl");
        using (var pending = await server.PostAsync("/v1/registrations", ServerFixture.Registration("retention-pending@example.nl", "Wachtend Bedrijf B.V.", "2222 BB", "install-pending-01")))
        {
            Assert.Equal(HttpStatusCode.Accepted, pending.StatusCode);
        }

        server.WaitForMessagesTo("retention-pending@example.nl");
        var before = await server.CountRowsAsync();
        var installations = await server.WithDbAsync(db => db.Installations.CountAsync());
        var mails = (await server.OutboxAsync()).Count;
        Assert.Equal(2, before.Passwords);

        // Expired (30 minutes) but within the day of retention: kept.
        time.Advance(TimeSpan.FromHours(23));
        for (var i = 0; i < 3; i++)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(300);
        }

        Assert.Equal(2, (await server.CountRowsAsync()).Passwords);

        time.Advance(TimeSpan.FromHours(1));
        await ServerFixture.WaitUntilAsync(async () =>
        {
            time.Advance(TimeSpan.FromMinutes(1));
            return (await server.CountRowsAsync()).Passwords == 1;
        }, "the confirmed account's expired one-time password to be purged");

        // The unconfirmed registration's record stays: it ties the registration to its installation (F5) until the
        // reservation lapses, and goes with it.
        Assert.True(await server.WithDbAsync(db => db.OneTimePasswords.AnyAsync(o => o.InstallationId == "install-pending-01")));

        var after = await server.CountRowsAsync();
        Assert.Equal((before.Accounts, before.Companies, before.Licenses), (after.Accounts, after.Companies, after.Licenses));
        Assert.Equal(installations, await server.WithDbAsync(db => db.Installations.CountAsync()));
        Assert.Equal(mails, (await server.OutboxAsync()).Count);
    }
}
