using System.Net;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Email;
using Faktum.Licensing.Server.Storage;
using Faktum.Licensing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Faktum.Licensing.Server.Tests.Security;

/// <summary>
/// F6: a recovery for a known and for an unknown address do the same work, so their timing tells nothing. Timings are
/// not asserted (they are noise on a shared machine); what each path writes is: one outbox row each, composed and
/// committed the same way — for the unknown address already discarded, without a body and without a recipient account.
/// </summary>
public sealed class F6RecoveryWorkTests
{
    [Theory]
    [BothStorageProviders]
    public async Task A_recovery_for_a_known_and_for_an_unknown_address_each_write_one_outbox_row(StorageProvider provider)
    {
        await using var server = await ServerFixture.StartAsync(provider: provider);
        await server.RegisterAndConfirmAsync("known@example.nl");
        var before = await server.WithDbAsync(db => db.OutboxMessages.CountAsync());

        using var known = await server.PostAsync("/v1/recoveries", new RecoveryRequest("known@example.nl", ServerFixture.Product, "install-two-0002"));
        var afterKnown = await server.WithDbAsync(db => db.OutboxMessages.CountAsync());
        using var unknown = await server.PostAsync("/v1/recoveries", new RecoveryRequest("nobody@example.nl", ServerFixture.Product, "install-two-0002"));
        var afterUnknown = await server.WithDbAsync(db => db.OutboxMessages.CountAsync());

        Assert.Equal(HttpStatusCode.Accepted, known.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, unknown.StatusCode);
        Assert.Equal(1, afterKnown - before);
        Assert.Equal(1, afterUnknown - afterKnown);
        var decoy = (await server.OutboxAsync()).Single(m => m.Kind == MailOutbox.DecoyKind);
        Assert.Equal(OutboxMessageStatus.Discarded, decoy.Status);
        Assert.Null(decoy.Content);
        Assert.Null(decoy.AccountId);
        Assert.Empty(server.MessagesTo("nobody@example.nl"));
    }
}
