using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Observability;
using Faktum.Licensing.Server.Privacy;
using Faktum.Licensing.Server.Storage;
using Faktum.Licensing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Faktum.Licensing.Server.Tests.Privacy;

/// <summary>
/// The scheduled retention purge (<c>FaktumServer:Retention</c>): past each period the purged rows are gone and nothing
/// else. Every other period is set far out, so each test sees one period pass.
/// </summary>
public sealed class RetentionScheduleTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [BothStorageProviders]
    public async Task Past_its_retention_a_never_confirmed_registration_is_deleted_with_all_its_rows_and_nothing_else_and_its_company_is_free_again(StorageProvider provider)
    {
        var time = new FakeTimeProvider(Start);
        await using var server = await StartAsync(time, provider);
        await server.RegisterAndConfirmAsync("bewaard@example.nl", "install-keep-0001", "Blijvend Bedrijf B.V.", "1111 AA");
        await RegisterAsync(server, "verlopen@example.nl", "Verlopen Bedrijf B.V.", "3333 CC", "install-stale-001");
        await WaitForOutboxSentAsync(server);
        var stale = await RowsOfAsync(server, "verlopen@example.nl");
        var before = await SnapshotAsync(server);
        Assert.Contains(stale, before.Contains);
        Assert.Contains(stale, r => r.StartsWith("OneTimePasswords:", StringComparison.Ordinal));
        Assert.Contains(stale, r => r.StartsWith("OutboxMessages:", StringComparison.Ordinal));

        // A minute short of the period (Retention:UnconfirmedRegistrations, 30 days): a pass deletes nothing.
        time.Advance(TimeSpan.FromDays(30) - TimeSpan.FromMinutes(1));
        await RetentionService(server).RunOnceAsync(CancellationToken.None);
        Assert.Equal(before.Order(StringComparer.Ordinal), (await SnapshotAsync(server)).Order(StringComparer.Ordinal));

        await ServerFixture.WaitUntilAsync(async () =>
        {
            time.Advance(TimeSpan.FromMinutes(1));
            return !await server.WithDbAsync(db => db.Accounts.AnyAsync(a => a.Email == "verlopen@example.nl"));
        }, "the scheduled pass to purge the stale registration");

        Assert.Equal(before.Except(stale).Order(StringComparer.Ordinal), (await SnapshotAsync(server)).Order(StringComparer.Ordinal));

        // The name + postcode (I1) and the e-mail address are free again.
        await RegisterAsync(server, "verlopen@example.nl", "verlopen bedrijf bv", "3333cc", "install-new-0001");
        await server.ConfirmAsync("verlopen@example.nl", server.ReadOneTimePassword("verlopen@example.nl", count: 2), "install-new-0001");
        Assert.Equal(2, await server.WithDbAsync(db => db.Companies.CountAsync()));
    }

    [Theory]
    [BothStorageProviders]
    public async Task Past_the_mail_retention_the_records_of_sent_mails_are_deleted_and_nothing_else(StorageProvider provider)
    {
        var time = new FakeTimeProvider(Start);
        await using var server = await StartAsync(time, provider, c => c["FaktumServer:Email:Outbox:Retention"] = "2.00:00:00");
        var purged = new List<(string? Kind, long Count)>();
        using var listener = ListenToRetentionCounter(server, purged);
        await server.RegisterAndConfirmAsync("post@example.nl", "install-mail-0001", "Post Bedrijf B.V.", "4444 DD");
        await WaitForOutboxSentAsync(server);
        var before = await SnapshotAsync(server);
        var mails = before.Where(r => r.StartsWith("OutboxMessages:", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(mails);

        time.Advance(TimeSpan.FromDays(2) - TimeSpan.FromMinutes(1));
        await RetentionService(server).RunOnceAsync(CancellationToken.None);
        Assert.Equal(before.Order(StringComparer.Ordinal), (await SnapshotAsync(server)).Order(StringComparer.Ordinal));

        await ServerFixture.WaitUntilAsync(async () =>
        {
            time.Advance(TimeSpan.FromMinutes(1));
            return !await server.WithDbAsync(db => db.OutboxMessages.AnyAsync());
        }, "the scheduled pass to purge the mail records");

        Assert.Equal(before.Except(mails).Order(StringComparer.Ordinal), (await SnapshotAsync(server)).Order(StringComparer.Ordinal));
        Assert.Equal(mails.Count, purged.Sum(p => p.Kind == "mails" ? p.Count : 0));
        Assert.All(purged, p => Assert.Equal("mails", p.Kind));
    }

    [Fact]
    public async Task A_never_confirmed_registration_the_vendor_acted_on_is_kept_past_its_retention()
    {
        var time = new FakeTimeProvider(Start);
        await using var server = await StartAsync(time, StorageProvider.Sqlite);
        await RegisterAsync(server, "geschorst@example.nl", "Geschorst Bedrijf B.V.", "5555 EE", "install-susp-0001");
        await RegisterAsync(server, "vergeten@example.nl", "Vergeten Bedrijf B.V.", "6666 FF", "install-forg-0001");
        var suspendedLicense = await server.WithDbAsync(db => db.Licenses.Where(l => l.Company!.Account!.Email == "geschorst@example.nl").Select(l => l.Id).SingleAsync());
        using (var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/admin/licenses/{suspendedLicense}/suspend"))
        {
            request.Headers.Add("X-Api-Key", ServerFixture.AdminKey);
            using var suspended = await server.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, suspended.StatusCode);
        }

        await WaitForOutboxSentAsync(server);
        var kept = await RowsOfAsync(server, "geschorst@example.nl");

        time.Advance(TimeSpan.FromDays(30));
        await ServerFixture.WaitUntilAsync(async () =>
        {
            time.Advance(TimeSpan.FromMinutes(1));
            return !await server.WithDbAsync(db => db.Accounts.AnyAsync(a => a.Email == "vergeten@example.nl"));
        }, "the scheduled pass to purge the untouched stale registration");

        // The same pass saw both: the suspended one stays, every row of it.
        var after = await SnapshotAsync(server);
        Assert.All(kept, r => Assert.Contains(r, after));
    }

    [Fact]
    public async Task A_new_password_for_a_never_confirmed_registration_restarts_its_retention()
    {
        var time = new FakeTimeProvider(Start);
        await using var server = await StartAsync(time, StorageProvider.Sqlite);
        await RegisterAsync(server, "traag@example.nl", "Traag Bedrijf B.V.", "8888 HH", "install-slow-0001");
        server.ReadOneTimePassword("traag@example.nl");

        // Lapsed (7 days) and uncontested: a new password is mailed on day 25 (LapsedRegistrationTests).
        time.Advance(TimeSpan.FromDays(25));
        using (var recovery = await server.PostAsync("/v1/recoveries", new Faktum.Licensing.Protocol.RecoveryRequest("traag@example.nl", ServerFixture.Product, "install-slow-0001")))
        {
            Assert.Equal(HttpStatusCode.Accepted, recovery.StatusCode);
        }

        server.ReadOneTimePassword("traag@example.nl", count: 2);
        await WaitForOutboxSentAsync(server);

        // Day 31: 30 days after the registration, but not after its last password.
        time.Advance(TimeSpan.FromDays(6));
        await RetentionService(server).RunOnceAsync(CancellationToken.None);
        Assert.True(await server.WithDbAsync(db => db.Accounts.AnyAsync(a => a.Email == "traag@example.nl")));

        time.Advance(TimeSpan.FromDays(24));
        await ServerFixture.WaitUntilAsync(async () =>
        {
            time.Advance(TimeSpan.FromMinutes(1));
            return !await server.WithDbAsync(db => db.Accounts.AnyAsync(a => a.Email == "traag@example.nl"));
        }, "the scheduled pass to purge the registration 30 days after its last password");
    }

    [Theory]
    [BothStorageProviders]
    public async Task Two_passes_at_once_as_on_two_instances_delete_a_stale_registration_once_and_fail_neither(StorageProvider provider)
    {
        var time = new FakeTimeProvider(Start);
        await using var server = await StartAsync(time, provider);
        await RegisterAsync(server, "dubbel@example.nl", "Dubbel Bedrijf B.V.", "7777 GG", "install-twice-001");
        await WaitForOutboxSentAsync(server);
        var before = await SnapshotAsync(server);
        var stale = await RowsOfAsync(server, "dubbel@example.nl");

        // Each pass in a scope (a connection, a transaction) of its own, as each instance has; the scheduled pass is
        // not woken (the fake clock stays where it is), the passes are told it is 31 days later.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var passes = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            await using var scope = server.Server.Services.CreateAsyncScope();
            var purge = scope.ServiceProvider.GetRequiredService<RetentionPurge>();
            await gate.Task;
            return await purge.RunAsync(Start + TimeSpan.FromDays(31), CancellationToken.None);
        })).ToList();
        gate.SetResult();
        var results = await Task.WhenAll(passes);

        Assert.Equal(1, results.Sum(r => r.UnconfirmedRegistrations));
        Assert.Equal(before.Except(stale).Order(StringComparer.Ordinal), (await SnapshotAsync(server)).Order(StringComparer.Ordinal));
    }

    private static Task<ServerFixture> StartAsync(FakeTimeProvider time, StorageProvider provider, Action<IDictionary<string, string?>>? configure = null) =>
        ServerFixture.StartAsync(time, provider: provider, configure: c =>
        {
            // Far out, so only the period under test passes.
            c["FaktumServer:Retention:OneTimePasswords"] = "300.00:00:00";
            c["FaktumServer:IdempotencyRetention"] = "300.00:00:00";
            c["FaktumServer:Email:Outbox:Retention"] = "300.00:00:00";
            configure?.Invoke(c);
        });

    private static async Task RegisterAsync(ServerFixture server, string email, string name, string postcode, string installationId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/registrations")
        {
            Content = JsonContent.Create(ServerFixture.Registration(email, name, postcode, installationId), options: ServerFixture.Json),
        };
        request.Headers.Add("Idempotency-Key", $"key-{installationId}");
        using var response = await server.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    /// <summary>Records this server's <c>faktum.retention.purged</c> measurements (other tests' servers have meters of their own).</summary>
    private static MeterListener ListenToRetentionCounter(ServerFixture server, List<(string? Kind, long Count)> purged)
    {
        var meter = server.Server.Services.GetRequiredService<ServerMetrics>().Meter;
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter == meter && instrument.Name == "faktum.retention.purged")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            lock (purged)
            {
                purged.Add((tags.ToArray().Single(t => t.Key == "kind").Value as string, value));
            }
        });
        listener.Start();
        return listener;
    }

    private static RetentionService RetentionService(ServerFixture server) =>
        server.Server.Services.GetServices<IHostedService>().OfType<RetentionService>().Single();

    private static Task WaitForOutboxSentAsync(ServerFixture server) =>
        ServerFixture.WaitUntilAsync(
            () => server.WithDbAsync(db => db.OutboxMessages.AllAsync(m => m.Status == OutboxMessageStatus.Sent)),
            "every queued mail to be sent");

    /// <summary>Every row of the registration of <paramref name="email"/>, as <c>Table:key</c>.</summary>
    private static Task<List<string>> RowsOfAsync(ServerFixture server, string email) => server.WithDbAsync(async db =>
    {
        var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.Email == email);
        var company = await db.Companies.AsNoTracking().SingleAsync(c => c.AccountId == account.Id);
        var licenses = await db.Licenses.AsNoTracking().Where(l => l.CompanyId == company.Id).Select(l => l.Id).ToListAsync();
        List<string> rows = [$"Accounts:{account.Id}", $"Companies:{company.Id}", .. licenses.Select(l => $"Licenses:{l}")];
        rows.AddRange((await db.HeldIdentities.AsNoTracking().Where(h => h.CompanyId == company.Id).Select(h => h.IdentityKey).ToListAsync()).Select(k => $"HeldIdentities:{k}"));
        rows.AddRange((await db.Installations.AsNoTracking().Where(i => licenses.Contains(i.LicenseId)).Select(i => i.Id).ToListAsync()).Select(i => $"Installations:{i}"));
        rows.AddRange((await db.OneTimePasswords.AsNoTracking().Where(o => o.AccountId == account.Id).Select(o => o.Id).ToListAsync()).Select(o => $"OneTimePasswords:{o}"));
        rows.AddRange((await db.OutboxMessages.AsNoTracking().Where(m => m.AccountId == account.Id).Select(m => m.Id).ToListAsync()).Select(m => $"OutboxMessages:{m}"));
        return rows;
    });

    /// <summary>The key of every row of every table the purge could touch, as <c>Table:key</c>.</summary>
    private static Task<HashSet<string>> SnapshotAsync(ServerFixture server) => server.WithDbAsync(async db =>
    {
        var rows = new HashSet<string>(StringComparer.Ordinal);
        rows.UnionWith((await db.Accounts.AsNoTracking().Select(r => r.Id).ToListAsync()).Select(k => $"Accounts:{k}"));
        rows.UnionWith((await db.Companies.AsNoTracking().Select(r => r.Id).ToListAsync()).Select(k => $"Companies:{k}"));
        rows.UnionWith((await db.Licenses.AsNoTracking().Select(r => r.Id).ToListAsync()).Select(k => $"Licenses:{k}"));
        rows.UnionWith((await db.HeldIdentities.AsNoTracking().Select(r => r.IdentityKey).ToListAsync()).Select(k => $"HeldIdentities:{k}"));
        rows.UnionWith((await db.Installations.AsNoTracking().Select(r => r.Id).ToListAsync()).Select(k => $"Installations:{k}"));
        rows.UnionWith((await db.OneTimePasswords.AsNoTracking().Select(r => r.Id).ToListAsync()).Select(k => $"OneTimePasswords:{k}"));
        rows.UnionWith((await db.OutboxMessages.AsNoTracking().Select(r => r.Id).ToListAsync()).Select(k => $"OutboxMessages:{k}"));
        rows.UnionWith((await db.IdempotencyRecords.AsNoTracking().Select(r => r.Key).ToListAsync()).Select(k => $"IdempotencyRecords:{k}"));
        rows.UnionWith((await db.AuditRecords.AsNoTracking().Select(r => r.Id).ToListAsync()).Select(k => $"AuditRecords:{k}"));
        return rows;
    });
}
