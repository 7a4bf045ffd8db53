using System.Net;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Faktum.Licensing.Server.Tests.Registration;

public sealed class RecoveryTests
{
    [Fact]
    public async Task Recovery_answers_identically_for_a_known_and_an_unknown_address()
    {
        await using var server = await ServerFixture.StartAsync();
        await server.RegisterAndConfirmAsync("known@example.nl");

        using var known = await server.PostAsync("/v1/recoveries", new RecoveryRequest("known@example.nl", ServerFixture.Product, "install-two-0002"));
        using var unknown = await server.PostAsync("/v1/recoveries", new RecoveryRequest("nobody@example.nl", ServerFixture.Product, "install-two-0002"));

        Assert.Equal(HttpStatusCode.Accepted, known.StatusCode);
        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(await known.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
        Assert.Equal(known.Content.Headers.ContentType, unknown.Content.Headers.ContentType);
        Assert.Equal(2, server.WaitForMessagesTo("known@example.nl", 2).Count);
        Assert.Empty(server.MessagesTo("nobody@example.nl"));
    }

    [Theory]
    [BothStorageProviders]
    public async Task A_new_recovery_password_replaces_the_pending_one(StorageProvider provider)
    {
        await using var server = await ServerFixture.StartAsync(provider: provider);
        await server.RegisterAndConfirmAsync("twice@example.nl");
        using var first = await server.PostAsync("/v1/recoveries", new RecoveryRequest("twice@example.nl", ServerFixture.Product, "install-two-0002"));
        var firstPassword = server.ReadOneTimePassword("twice@example.nl", count: 2);
        using var second = await server.PostAsync("/v1/recoveries", new RecoveryRequest("twice@example.nl", ServerFixture.Product, "install-two-0002"));
        var secondPassword = server.ReadOneTimePassword("twice@example.nl", count: 3);
        Assert.NotEqual(firstPassword, secondPassword);

        using var stale = await server.PostAsync("/v1/confirmations", new ConfirmationRequest("twice@example.nl", firstPassword, "install-two-0002", ServerFixture.Product));
        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        await server.ConfirmAsync("twice@example.nl", secondPassword, "install-two-0002");
    }

    [Fact]
    public async Task After_recovery_on_a_second_installation_the_first_learns_it_was_moved()
    {
        await using var server = await ServerFixture.StartAsync();
        var first = await server.RegisterAndConfirmAsync("mover@example.nl", "install-old-0001");

        using var recovery = await server.PostAsync("/v1/recoveries", new RecoveryRequest("mover@example.nl", ServerFixture.Product, "install-new-0002"));
        var second = await server.ConfirmAsync("mover@example.nl", server.ReadOneTimePassword("mover@example.nl", count: 2), "install-new-0002");

        var old = await server.StartupAsync(first.License);
        Assert.Equal("moved", old.GetProperty("verdict").GetString());
        Assert.False(old.TryGetProperty("license", out _));

        var current = await server.StartupAsync(second.License);
        Assert.Equal("trial", current.GetProperty("verdict").GetString());
        var claims = (await server.ValidateLicenseAsync(second.License, "install-new-0002")).EnsureSuccess();
        Assert.Equal((await server.ValidateLicenseAsync(first.License)).EnsureSuccess().LicenseId, claims.LicenseId);
    }

    [Theory]
    [BothStorageProviders]
    public async Task Concurrent_recoveries_leave_exactly_one_pending_password(StorageProvider provider)
    {
        await using var server = await ServerFixture.StartAsync(provider: provider);
        await server.RegisterAndConfirmAsync("busy@example.nl");
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var recoveries = Enumerable.Range(0, 10).Select(i => Task.Run(async () =>
        {
            await gate.Task;
            using var response = await server.PostAsync("/v1/recoveries", new RecoveryRequest("busy@example.nl", ServerFixture.Product, $"install-{i:D4}-rcvr"));
            return response.StatusCode;
        })).ToList();
        gate.SetResult();

        Assert.All(await Task.WhenAll(recoveries), status => Assert.Equal(HttpStatusCode.Accepted, status));
        Assert.Equal(1, await server.WithDbAsync(db => db.OneTimePasswords.CountAsync(o => o.ConsumedAt == null && o.VoidedAt == null)));
    }
}
