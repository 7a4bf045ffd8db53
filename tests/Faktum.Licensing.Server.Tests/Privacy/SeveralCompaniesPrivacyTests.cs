using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Privacy;
using Faktum.Licensing.Server.Storage;
using Faktum.Licensing.Server.Tests.Admin;
using Faktum.Licensing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Faktum.Licensing.Server.Tests.Privacy;

/// <summary>
/// An account with several companies (S9) under the AVG duties, the retention purge and the admin views: each acts per
/// company, and what the companies share (the e-mail address, the account's mails) stays while one of them uses it.
/// </summary>
public sealed class SeveralCompaniesPrivacyTests
{
    private const string Email = "eigenaar@example.nl";
    private const string Pc1 = "install-pc1-00001";
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [BothStorageProviders]
    public async Task Past_its_retention_a_never_confirmed_company_of_a_confirmed_account_is_deleted_alone(StorageProvider provider)
    {
        var time = new FakeTimeProvider(Start);
        await using var server = await ServerFixture.StartAsync(time, provider: provider, configure: c =>
        {
            c["FaktumServer:Retention:OneTimePasswords"] = "300.00:00:00";
            c["FaktumServer:Email:Outbox:Retention"] = "300.00:00:00";
        });
        await server.RegisterAndConfirmAsync(Email, Pc1, "Bakkerij Jansen B.V.", "1234 AB");
        await RegisterAsync(server, "Slagerij Jansen", "5678 CD");
        await ServerFixture.WaitUntilAsync(() => server.WithDbAsync(db => db.OutboxMessages.AllAsync(m => m.Status == OutboxMessageStatus.Sent)), "the mails to be sent");
        var pending = await server.WithDbAsync(db => db.Companies.AsNoTracking().SingleAsync(c => c.Name == "Slagerij Jansen"));
        var before = await CountsAsync(server);

        time.Advance(TimeSpan.FromDays(30) - TimeSpan.FromMinutes(1));
        Assert.Equal(0, (await RetentionService(server).RunOnceAsync(CancellationToken.None)).UnconfirmedRegistrations);
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, (await RetentionService(server).RunOnceAsync(CancellationToken.None)).UnconfirmedRegistrations);

        Assert.False(await server.WithDbAsync(db => db.Companies.AnyAsync(c => c.Id == pending.Id)));
        Assert.False(await server.WithDbAsync(db => db.OneTimePasswords.AnyAsync(o => o.CompanyId == pending.Id)));
        Assert.False(await server.WithDbAsync(db => db.HeldIdentities.AnyAsync(h => h.CompanyId == pending.Id)));
        Assert.Equal(before with { Companies = before.Companies - 1, Licenses = before.Licenses - 1, Held = before.Held - 1, Passwords = before.Passwords - 1 }, await CountsAsync(server));
        Assert.Equal("Bakkerij Jansen B.V.", await server.WithDbAsync(db => db.Companies.Where(c => c.Account!.Email == Email).Select(c => c.Name).SingleAsync()));

        // The company is free again, under the same address.
        await RegisterAsync(server, "slagerij  jansen", "5678cd");
        Assert.Equal(2, await server.WithDbAsync(db => db.Companies.CountAsync()));
    }

    [Theory]
    [BothStorageProviders]
    public async Task Erasing_one_company_keeps_the_address_its_other_company_uses_and_erasing_the_last_erases_it_each_audited(StorageProvider provider)
    {
        await using var server = await ServerFixture.StartAsync(provider: provider);
        var first = await server.RegisterAndConfirmAsync(Email, Pc1, "Bakkerij Jansen B.V.", "1234 AB");
        await RegisterAsync(server, "Slagerij Jansen", "5678 CD");
        var second = await server.ConfirmAsync(Email, ServerFixture.ExtractPassword(server.NewestMessageTo(Email, 2)), Pc1);
        var ids = await server.WithDbAsync(db => db.Companies.OrderBy(c => c.CreatedAt).Select(c => c.Id).ToListAsync());

        using (var erased = await AuditLogTests.AdminAsync(server, HttpMethod.Post, $"companies/{ids[0]}/erase", new { }))
        {
            Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        }

        var companies = await server.WithDbAsync(db => db.Companies.AsNoTracking().OrderBy(c => c.CreatedAt).ToListAsync());
        Assert.Equal((PrivacyOperations.Erased, PrivacyOperations.Erased), (companies[0].ContactName, companies[0].Street));
        Assert.Equal(("Jan Jansen", "Dorpsstraat"), (companies[1].ContactName, companies[1].Street));
        Assert.Equal(Email, await server.WithDbAsync(db => db.Accounts.Select(a => a.Email).SingleAsync()));
        Assert.Equal(Email, (await server.StartupAsync(second.License)).GetProperty("company").GetProperty("email").GetString());
        Assert.Equal("trial", (await server.StartupAsync(first.License)).GetProperty("verdict").GetString());

        using (var erased = await AuditLogTests.AdminAsync(server, HttpMethod.Post, $"companies/{ids[1]}/erase", new { }))
        {
            Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        }

        Assert.EndsWith("@" + PrivacyOperations.ErasedEmailDomain, await server.WithDbAsync(db => db.Accounts.Select(a => a.Email).SingleAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await server.WithDbAsync(db => db.OneTimePasswords.CountAsync()));
        var audit = await server.WithDbAsync(db => db.AuditRecords.AsNoTracking().OrderBy(r => r.At).ThenBy(r => r.Id).ToListAsync());
        Assert.Equal(new[] { ("company-erased", ids[0]), ("company-erased", ids[1]) }.Order(), audit.Select(r => (r.Action, r.CompanyId!)).Order());
        Assert.All(audit, r => Assert.DoesNotContain(Email, r.Detail ?? string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_admin_views_of_an_address_with_two_companies_answer_for_each_without_repeating_a_mail()
    {
        await using var server = await ServerFixture.StartAsync();
        await server.RegisterAndConfirmAsync(Email, Pc1, "Bakkerij Jansen B.V.", "1234 AB");
        await RegisterAsync(server, "Slagerij Jansen", "5678 CD");
        server.WaitForMessagesTo(Email, 2);
        var ids = await server.WithDbAsync(db => db.Companies.OrderBy(c => c.CreatedAt).Select(c => c.Id).ToListAsync());

        using var byEmail = await AuditLogTests.AdminAsync(server, HttpMethod.Get, $"companies?email={Email}");
        Assert.Equal(HttpStatusCode.OK, byEmail.StatusCode);
        Assert.Equal("Bakkerij Jansen B.V.", (await byEmail.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString());

        using var search = await AuditLogTests.AdminAsync(server, HttpMethod.Get, $"companies/search?q={Email}");
        Assert.Equal(2, (await search.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength());

        using var mail = await AuditLogTests.AdminAsync(server, HttpMethod.Get, "mail");
        var page = await mail.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, page.GetProperty("total").GetInt32());
        using var mailOfSecond = await AuditLogTests.AdminAsync(server, HttpMethod.Get, $"mail?companyId={ids[1]}");
        var rows = (await mailOfSecond.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(ids[1], r.GetProperty("companyId").GetString()));

        using var export = await AuditLogTests.AdminAsync(server, HttpMethod.Get, $"companies/{ids[0]}/export");
        var passwords = (await export.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("oneTimePasswords").EnumerateArray().ToList();
        Assert.All(passwords, p => Assert.NotEqual(ids[1], p.GetProperty("companyId").GetString()));
        Assert.Single(passwords);
    }

    [Fact]
    public async Task Handing_over_one_company_of_an_account_with_two_keeps_the_account_and_its_other_company()
    {
        await using var server = await ServerFixture.StartAsync();
        await server.RegisterAndConfirmAsync(Email, Pc1, "Bakkerij Jansen B.V.", "1234 AB");
        await RegisterAsync(server, "Slagerij Jansen", "5678 CD");
        await server.ConfirmAsync(Email, ServerFixture.ExtractPassword(server.NewestMessageTo(Email, 2)), Pc1);

        using var handed = await AuditLogTests.AdminAsync(server, HttpMethod.Post, "identities/hand-over", new { name = "Slagerij Jansen", postcode = "5678 CD", reason = "dispute 2026-19", email = "slager@example.nl" });

        Assert.Equal(HttpStatusCode.OK, handed.StatusCode);
        var owners = await server.WithDbAsync(db => db.Companies.OrderBy(c => c.Name).Select(c => c.Account!.Email).ToListAsync());
        Assert.Equal([Email, "slager@example.nl"], owners);
    }

    private static async Task RegisterAsync(ServerFixture server, string name, string postcode)
    {
        using var registered = await server.PostAsync("/v1/registrations", ServerFixture.Registration(Email, name, postcode, Pc1));
        Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
    }

    private static Task<Counts> CountsAsync(ServerFixture server) => server.WithDbAsync(async db => new Counts(
        await db.Accounts.CountAsync(), await db.Companies.CountAsync(), await db.Licenses.CountAsync(), await db.HeldIdentities.CountAsync(),
        await db.OneTimePasswords.CountAsync(), await db.OutboxMessages.CountAsync(), await db.Installations.CountAsync()));

    private static RetentionService RetentionService(ServerFixture server) =>
        server.Server.Services.GetServices<IHostedService>().OfType<RetentionService>().Single();

    private sealed record Counts(int Accounts, int Companies, int Licenses, int Held, int Passwords, int Mails, int Installations);
}
