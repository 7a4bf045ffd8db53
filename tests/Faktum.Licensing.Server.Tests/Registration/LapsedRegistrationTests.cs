using System.Net;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Storage;
using Faktum.Licensing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Faktum.Licensing.Server.Tests.Registration;

/// <summary>
/// Squatting: an unconfirmed registration reserves its company for FaktumServer:UnconfirmedRegistrationLifetime (7 days
/// by default). After that a new registration of the company replaces it; a confirmed company is never released.
/// </summary>
public sealed class LapsedRegistrationTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [BothStorageProviders]
    public async Task Within_the_reservation_a_second_registration_of_the_company_is_refused_as_already_registered(StorageProvider provider)
    {
        var time = new FakeTimeProvider(Start);
        await using var server = await ServerFixture.StartAsync(time, provider: provider);
        using var first = await server.PostAsync("/v1/registrations", ServerFixture.Registration("squatter@example.nl"));
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);

        time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        using var second = await server.PostAsync("/v1/registrations", ServerFixture.Registration("owner@example.nl", name: "bakkerij  jansen bv", postcode: "1234ab"));

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(ProblemTypes.CompanyAlreadyRegistered, (await ServerFixture.ReadProblemAsync(second)).GetProperty("type").GetString());
        Assert.Equal("squatter@example.nl", await server.WithDbAsync(db => db.Accounts.Select(a => a.Email).SingleAsync()));
    }

    [Theory]
    [BothStorageProviders]
    public async Task After_the_reservation_a_new_registration_replaces_the_unconfirmed_one_and_the_old_password_stops_working(StorageProvider provider)
    {
        var time = new FakeTimeProvider(Start);
        await using var server = await ServerFixture.StartAsync(time, provider: provider);
        using var first = await server.PostAsync("/v1/registrations", ServerFixture.Registration("wrong@example.nl"));
        server.ReadOneTimePassword("wrong@example.nl");
        var oldAccount = await server.WithDbAsync(db => db.Accounts.Select(a => a.Id).SingleAsync());

        // Just before the reservation lapses, the first address asks for a fresh password (still valid after the lapse).
        time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(10));
        using var recovery = await server.PostAsync("/v1/recoveries", new RecoveryRequest("wrong@example.nl", ServerFixture.Product, "install-one-0001"));
        var stalePassword = server.ReadOneTimePassword("wrong@example.nl", count: 2);
        time.Advance(TimeSpan.FromMinutes(11));

        using var second = await server.PostAsync("/v1/registrations", ServerFixture.Registration("right@example.nl", name: "BAKKERIJ JANSEN B.V.", postcode: "1234 ab", installationId: "install-two-0002"));
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);

        using var stale = await server.PostAsync("/v1/confirmations", new ConfirmationRequest("wrong@example.nl", stalePassword, "install-one-0001", ServerFixture.Product));
        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        Assert.Equal(ProblemTypes.OneTimePasswordInvalid, (await ServerFixture.ReadProblemAsync(stale)).GetProperty("type").GetString());

        var confirmed = await server.ConfirmAsync("right@example.nl", server.ReadOneTimePassword("right@example.nl"), "install-two-0002");
        Assert.Equal("right@example.nl", confirmed.Company.Email);
        Assert.Equal("BAKKERIJ JANSEN B.V.", confirmed.Company.Name);
        Assert.Equal((1, 1, 1, 1), await server.CountRowsAsync());
        Assert.DoesNotContain(await server.OutboxAsync(), m => m.AccountId == oldAccount);
        Assert.False(await server.WithDbAsync(db => db.Accounts.AnyAsync(a => a.Id == oldAccount)));
        Assert.True((await server.ValidateLicenseAsync(confirmed.License, "install-two-0002")).Succeeded);
    }

    [Fact]
    public async Task A_lapsed_registration_nobody_contests_can_still_be_confirmed_with_a_new_password()
    {
        var time = new FakeTimeProvider(Start);
        await using var server = await ServerFixture.StartAsync(time);
        using var first = await server.PostAsync("/v1/registrations", ServerFixture.Registration("slow@example.nl"));
        server.ReadOneTimePassword("slow@example.nl");

        time.Advance(TimeSpan.FromDays(20));
        using var recovery = await server.PostAsync("/v1/recoveries", new RecoveryRequest("slow@example.nl", ServerFixture.Product, "install-one-0001"));
        var confirmed = await server.ConfirmAsync("slow@example.nl", server.ReadOneTimePassword("slow@example.nl", count: 2), "install-one-0001");

        Assert.Equal("slow@example.nl", confirmed.Company.Email);
    }

    [Theory]
    [BothStorageProviders]
    public async Task A_confirmed_company_is_never_released(StorageProvider provider)
    {
        var time = new FakeTimeProvider(Start);
        await using var server = await ServerFixture.StartAsync(time, provider: provider);
        await server.RegisterAndConfirmAsync("owner@example.nl");

        time.Advance(TimeSpan.FromDays(400));
        using var second = await server.PostAsync("/v1/registrations", ServerFixture.Registration("other@example.nl"));

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("owner@example.nl", await server.WithDbAsync(db => db.Accounts.Select(a => a.Email).SingleAsync()));
    }

    [Fact]
    public async Task A_lapsed_registration_the_vendor_acted_on_is_kept()
    {
        var time = new FakeTimeProvider(Start);
        await using var server = await ServerFixture.StartAsync(time);
        using var first = await server.PostAsync("/v1/registrations", ServerFixture.Registration("invoiced@example.nl"));
        var licenseId = await server.WithDbAsync(db => db.Licenses.Select(l => l.Id).SingleAsync());
        using var paid = new HttpRequestMessage(HttpMethod.Post, $"/v1/admin/licenses/{licenseId}/paid") { Content = System.Net.Http.Json.JsonContent.Create(new { }) };
        paid.Headers.Add("X-Api-Key", ServerFixture.AdminKey);
        using var marked = await server.Http.SendAsync(paid);
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);

        time.Advance(TimeSpan.FromDays(30));
        using var second = await server.PostAsync("/v1/registrations", ServerFixture.Registration("other@example.nl"));

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    [Fact]
    public async Task An_address_with_a_lapsed_unconfirmed_registration_can_register_again()
    {
        var time = new FakeTimeProvider(Start);
        await using var server = await ServerFixture.StartAsync(time);
        using var first = await server.PostAsync("/v1/registrations", ServerFixture.Registration("typo@example.nl", name: "Bakkerij Jansen", postcode: "1243 AB"));
        server.ReadOneTimePassword("typo@example.nl");

        time.Advance(TimeSpan.FromDays(8));
        using var second = await server.PostAsync("/v1/registrations", ServerFixture.Registration("typo@example.nl", name: "Bakkerij Jansen", postcode: "1234 AB"));
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);

        var confirmed = await server.ConfirmAsync("typo@example.nl", server.ReadOneTimePassword("typo@example.nl", count: 2), "install-one-0001");
        Assert.Equal("1234 AB", confirmed.Company.Postcode);
        Assert.Equal((1, 1, 1, 1), await server.CountRowsAsync());
    }

    [Theory]
    [BothStorageProviders]
    public async Task Concurrent_registrations_of_a_lapsed_company_give_one_new_registration_and_409_for_the_rest(StorageProvider provider)
    {
        var time = new FakeTimeProvider(Start);
        await using var server = await ServerFixture.StartAsync(time, provider: provider);
        using var first = await server.PostAsync("/v1/registrations", ServerFixture.Registration("first@example.nl"));
        time.Advance(TimeSpan.FromDays(8));

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var requests = Enumerable.Range(0, 30).Select(i => Task.Run(async () =>
        {
            await gate.Task;
            using var response = await server.PostAsync("/v1/registrations", ServerFixture.Registration($"racer{i}@example.nl", installationId: $"install-{i:D4}-race"));
            return (Index: i, response.StatusCode);
        })).ToList();
        gate.SetResult();
        var results = await Task.WhenAll(requests);

        var winner = Assert.Single(results, r => r.StatusCode == HttpStatusCode.Accepted);
        Assert.Equal(29, results.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal((1, 1, 1, 1), await server.CountRowsAsync());
        Assert.Equal($"racer{winner.Index}@example.nl", await server.WithDbAsync(db => db.Accounts.Select(a => a.Email).SingleAsync()));
        await server.ConfirmAsync($"racer{winner.Index}@example.nl", server.ReadOneTimePassword($"racer{winner.Index}@example.nl"), $"install-{winner.Index:D4}-race");
    }
}
