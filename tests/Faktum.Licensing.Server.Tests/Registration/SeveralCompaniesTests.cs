using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Storage;
using Faktum.Licensing.Server.Tests.Admin;
using Faktum.Licensing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Faktum.Licensing.Server.Tests.Registration;

/// <summary>
/// One e-mail address, several companies (S9): another company registers under a confirmed account, its password confirms it;
/// a recovery brings the companies the owner chooses, each with its own seats and move budget.
/// </summary>
public sealed class SeveralCompaniesTests
{
    private const string Email = "eigenaar@example.nl";
    private const string Pc1 = "install-pc1-00001";
    private const string Pc2 = "install-pc2-00002";
    private const string Pc3 = "install-pc3-00003";
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [BothStorageProviders]
    public async Task Another_company_under_a_confirmed_address_joins_its_account_and_its_password_confirms_that_company(StorageProvider provider)
    {
        await using var server = await ServerFixture.StartAsync(provider: provider);
        var first = await RegisterAndConfirmAsync(server, "Bakkerij Jansen B.V.", "1234 AB", Pc1, mail: 1);

        using (var registered = await server.PostAsync("/v1/registrations", ServerFixture.Registration(Email, "Slagerij Jansen", "5678 CD", Pc1)))
        {
            Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        }

        Assert.Equal((1, 2, 2), await server.WithDbAsync(async db => (await db.Accounts.CountAsync(), await db.Companies.CountAsync(), await db.Licenses.CountAsync())));
        var second = await ConfirmAsync(server, ServerFixture.ExtractPassword(server.NewestMessageTo(Email, 2)), Pc1);

        var grant = Assert.Single(second.Licenses!);
        Assert.Equal("Slagerij Jansen", grant.Company.Name);
        Assert.Equal(second.License, grant.License);
        Assert.Equal(Email, second.Company.Email);
        Assert.NotEqual(LicenseId(first.License), LicenseId(second.License));
        Assert.Equal("Bakkerij Jansen B.V.", Assert.Single(first.Licenses!).Company.Name);
        var statuses = await server.WithDbAsync(db => db.Licenses.Select(l => l.Status).ToListAsync());
        Assert.All(statuses, s => Assert.Equal(LicenseRecordStatus.Active, s));
        var verdicts = await server.StartupAsync(new StartupRequest(null, "1.2.3", "stable", "bm9uY2Utc2V2ZXJhbC1jb21wYW5pZXM", [first.License, second.License]));
        Assert.Equal(["trial", "trial"], verdicts.GetProperty("licenses").EnumerateArray().Select(l => l.GetProperty("verdict").GetString()));
    }

    [Theory]
    [BothStorageProviders]
    public async Task A_recovery_of_an_account_with_several_companies_asks_which_to_bring_and_spends_nothing_until_told(StorageProvider provider)
    {
        await using var server = await ServerFixture.StartAsync(provider: provider);
        var tokens = await ThreeCompaniesAsync(server);
        var password = await RecoverAsync(server, Pc2, mail: 4);

        using var asked = await server.PostAsync("/v1/confirmations", new ConfirmationRequest(Email, password, Pc2, ServerFixture.Product));

        Assert.Equal(HttpStatusCode.Conflict, asked.StatusCode);
        var problem = await ServerFixture.ReadProblemAsync(asked);
        Assert.Equal(ProblemTypes.CompanyChoiceRequired, problem.GetProperty("type").GetString());
        var companies = problem.GetProperty("companies").Deserialize<List<AccountCompanyDto>>(ServerFixture.Json)!;
        Assert.Equal(["Bakkerij Jansen B.V.", "Slagerij Jansen", "Viswinkel Jansen"], companies.Select(c => c.Name));
        Assert.Equal([LicenseId(tokens[0]), LicenseId(tokens[1]), LicenseId(tokens[2])], companies.Select(c => c.License));
        Assert.Equal(("1234 AB", "Utrecht", "NL"), (companies[0].Postcode, companies[0].City, companies[0].Country));
        var otp = await server.WithDbAsync(db => db.OneTimePasswords.AsNoTracking().SingleAsync(o => o.InstallationId == Pc2));
        Assert.Equal((0, null), (otp.FailedAttempts, otp.ConsumedAt));
        Assert.Equal(3, await server.WithDbAsync(db => db.Installations.CountAsync(i => i.ReleasedAt == null)));
    }

    [Theory]
    [BothStorageProviders]
    public async Task A_recovery_choosing_two_of_three_companies_moves_those_two_and_the_third_stays(StorageProvider provider)
    {
        await using var server = await ServerFixture.StartAsync(provider: provider);
        var tokens = await ThreeCompaniesAsync(server);
        var password = await RecoverAsync(server, Pc2, mail: 4);

        var brought = await ConfirmAsync(server, password, Pc2, [LicenseId(tokens[2]), LicenseId(tokens[0])]);

        Assert.Equal(["Viswinkel Jansen", "Bakkerij Jansen B.V."], brought.Licenses!.Select(l => l.Company.Name));
        Assert.Equal(brought.Licenses![0].License, brought.License);
        Assert.Equal([LicenseId(tokens[2]), LicenseId(tokens[0])], brought.Licenses!.Select(l => LicenseId(l.License)));
        var atPc1 = await server.StartupAsync(new StartupRequest(null, "1.2.3", "stable", "bm9uY2Utc2V2ZXJhbC1jb21wYW5pZXM", tokens));
        Assert.Equal(["moved", "trial", "moved"], atPc1.GetProperty("licenses").EnumerateArray().Select(l => l.GetProperty("verdict").GetString()));
        var atPc2 = await server.StartupAsync(new StartupRequest(null, "1.2.3", "stable", "bm9uY2Utc2V2ZXJhbC1jb21wYW5pZXM", [.. brought.Licenses!.Select(l => l.License)]));
        Assert.Equal(["trial", "trial"], atPc2.GetProperty("licenses").EnumerateArray().Select(l => l.GetProperty("verdict").GetString()));
        Assert.Equal(2, await server.WithDbAsync(db => db.LicenseMoves.CountAsync()));
    }

    [Fact]
    public async Task A_choice_naming_a_license_of_another_account_is_refused_like_an_unknown_one_and_spends_nothing()
    {
        await using var server = await ServerFixture.StartAsync();
        var tokens = await ThreeCompaniesAsync(server);
        var foreign = (await server.RegisterAndConfirmAsync("ander@example.nl", Pc3, "Kapper Pietersen", "9999 ZZ")).License;
        var password = await RecoverAsync(server, Pc2, mail: 4);

        var messages = new List<(string?, string?)>();
        foreach (var named in new[] { LicenseId(foreign), "lic_" + new string('A', 22), "not-a-license" })
        {
            using var refused = await server.PostAsync("/v1/confirmations", new ConfirmationRequest(Email, password, Pc2, ServerFixture.Product, Licenses: [LicenseId(tokens[0]), named]));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var problem = await ServerFixture.ReadProblemAsync(refused);
            Assert.Equal(ProblemTypes.ValidationFailed, problem.GetProperty("type").GetString());
            messages.Add((problem.GetProperty("errors").GetProperty("licenses")[0].GetString(), problem.GetProperty("codes").GetProperty("licenses")[0].GetString()));
        }

        Assert.Single(messages.Distinct());
        Assert.Equal("invalid-value", messages[0].Item2);
        var otp = await server.WithDbAsync(db => db.OneTimePasswords.AsNoTracking().SingleAsync(o => o.InstallationId == Pc2));
        Assert.Equal((0, null), (otp.FailedAttempts, otp.ConsumedAt));
        var brought = await ConfirmAsync(server, password, Pc2, [LicenseId(tokens[1])]);
        Assert.Equal("Slagerij Jansen", Assert.Single(brought.Licenses!).Company.Name);
    }

    [Theory]
    [BothStorageProviders]
    public async Task Seats_full_for_one_chosen_license_names_it_and_a_release_per_full_license_brings_them_all(StorageProvider provider)
    {
        await using var server = await ServerFixture.StartAsync(provider: provider);
        var tokens = await ThreeCompaniesAsync(server);
        var bakkerij = LicenseId(tokens[0]);
        using (var seats = await AuditLogTests.AdminAsync(server, HttpMethod.Post, $"licenses/{bakkerij}/seats", new { seats = 2 }))
        {
            Assert.Equal(HttpStatusCode.OK, seats.StatusCode);
        }

        await ConfirmAsync(server, await RecoverAsync(server, Pc2, mail: 4), Pc2, [bakkerij]); // the bakery's second seat
        var password = await RecoverAsync(server, Pc3, mail: 5);

        using var full = await server.PostAsync("/v1/confirmations", new ConfirmationRequest(Email, password, Pc3, ServerFixture.Product, Licenses: [LicenseId(tokens[1]), bakkerij]));

        Assert.Equal(HttpStatusCode.Conflict, full.StatusCode);
        var problem = await ServerFixture.ReadProblemAsync(full);
        Assert.Equal(ProblemTypes.SeatsFull, problem.GetProperty("type").GetString());
        Assert.Equal((bakkerij, "Bakkerij Jansen B.V.", 2), (problem.GetProperty("license").GetString(), problem.GetProperty("company").GetString(), problem.GetProperty("seats").GetInt32()));
        var installations = problem.GetProperty("installations").Deserialize<List<InstallationDto>>(ServerFixture.Json)!;
        Assert.Equal(2, installations.Count);
        Assert.Equal(4, await server.WithDbAsync(db => db.Installations.CountAsync(i => i.ReleasedAt == null)));

        var brought = await ConfirmAsync(server, password, Pc3, [LicenseId(tokens[1]), bakkerij], releases: [installations[0].Id]);

        Assert.Equal(["Slagerij Jansen", "Bakkerij Jansen B.V."], brought.Licenses!.Select(l => l.Company.Name));
        var atPc1 = await server.StartupAsync(new StartupRequest(null, "1.2.3", "stable", "bm9uY2Utc2V2ZXJhbC1jb21wYW5pZXM", tokens));
        Assert.Equal(["moved", "moved", "trial"], atPc1.GetProperty("licenses").EnumerateArray().Select(l => l.GetProperty("verdict").GetString()));
    }

    [Theory]
    [BothStorageProviders]
    public async Task A_refused_move_of_one_chosen_license_moves_none_and_still_spends_the_password(StorageProvider provider)
    {
        await using var server = await ServerFixture.StartAsync(provider: provider, configure: c => c["FaktumServer:MovesPerWindow"] = "1");
        var tokens = await ThreeCompaniesAsync(server);
        var slagerij = LicenseId(tokens[1]);
        await ConfirmAsync(server, await RecoverAsync(server, Pc2, mail: 4), Pc2, [slagerij]); // the butcher's one move
        var password = await RecoverAsync(server, Pc3, mail: 5);

        using var refused = await server.PostAsync("/v1/confirmations", new ConfirmationRequest(Email, password, Pc3, ServerFixture.Product, Licenses: [LicenseId(tokens[0]), slagerij]));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await ServerFixture.ReadProblemAsync(refused);
        Assert.Equal(ProblemTypes.MoveBudgetExhausted, problem.GetProperty("type").GetString());
        Assert.Equal(slagerij, problem.GetProperty("license").GetString());
        Assert.Equal(JsonValueKind.String, problem.GetProperty("nextMoveAt").ValueKind);
        var atPc1 = await server.StartupAsync(new StartupRequest(null, "1.2.3", "stable", "bm9uY2Utc2V2ZXJhbC1jb21wYW5pZXM", tokens));
        Assert.Equal(["trial", "moved", "trial"], atPc1.GetProperty("licenses").EnumerateArray().Select(l => l.GetProperty("verdict").GetString()));
        Assert.Equal(0, await server.WithDbAsync(db => db.Installations.CountAsync(i => i.InstallationId == Pc3)));
        using var again = await server.PostAsync("/v1/confirmations", new ConfirmationRequest(Email, password, Pc3, ServerFixture.Product, Licenses: [LicenseId(tokens[0])]));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    [Theory]
    [BothStorageProviders]
    public async Task A_pending_company_of_a_confirmed_account_holds_its_identity_only_while_its_registration_is_young(StorageProvider provider)
    {
        var time = new FakeTimeProvider(Start);
        await using var server = await ServerFixture.StartAsync(time, provider: provider);
        await RegisterAndConfirmAsync(server, "Bakkerij Jansen B.V.", "1234 AB", Pc1, mail: 1);
        using (var pending = await server.PostAsync("/v1/registrations", ServerFixture.Registration(Email, "Slagerij Jansen", "5678 CD", Pc1)))
        {
            Assert.Equal(HttpStatusCode.Accepted, pending.StatusCode);
        }

        time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        using (var held = await server.PostAsync("/v1/registrations", ServerFixture.Registration("slager@example.nl", "slagerij  jansen", "5678cd", Pc2)))
        {
            Assert.Equal(HttpStatusCode.Conflict, held.StatusCode);
        }

        time.Advance(TimeSpan.FromMinutes(2));
        using (var taken = await server.PostAsync("/v1/registrations", ServerFixture.Registration("slager@example.nl", "slagerij  jansen", "5678cd", Pc2)))
        {
            Assert.Equal(HttpStatusCode.Accepted, taken.StatusCode);
        }

        var companies = await server.WithDbAsync(db => db.Companies.Include(c => c.Account).Select(c => new { c.Name, c.Account!.Email }).OrderBy(c => c.Email).ToListAsync());
        Assert.Equal([("Bakkerij Jansen B.V.", Email), ("slagerij jansen", "slager@example.nl")], companies.Select(c => (c.Name, c.Email)));
        Assert.Equal(2, await server.WithDbAsync(db => db.Accounts.CountAsync()));

        // The lapsed company's password went with it.
        Assert.Equal(0, await server.WithDbAsync(db => db.OneTimePasswords.CountAsync(o => o.CompanyId != null && !db.Companies.Any(c => c.Id == o.CompanyId))));
        // The new registration's own password is there (the retention purge may have taken the first account's spent one).
        Assert.Equal(1, await server.WithDbAsync(db => db.OneTimePasswords.CountAsync(o => db.Accounts.Any(a => a.Id == o.AccountId && a.Email == "slager@example.nl"))));
    }

    [Fact]
    public async Task The_mailbox_limit_counts_every_company_registered_for_it()
    {
        await using var server = await ServerFixture.StartAsync(configure: c => c["FaktumServer:RegistrationsPerMailbox"] = "2");
        await RegisterAndConfirmAsync(server, "Bakkerij Jansen B.V.", "1234 AB", Pc1, mail: 1);
        using (var second = await server.PostAsync("/v1/registrations", ServerFixture.Registration(Email, "Slagerij Jansen", "5678 CD", Pc1)))
        {
            Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        }

        using var third = await server.PostAsync("/v1/registrations", ServerFixture.Registration("eigenaar+vis@example.nl", "Viswinkel Jansen", "9012 EF", Pc1));

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal(2, await server.WithDbAsync(db => db.Companies.CountAsync()));
    }

    [Theory]
    [BothStorageProviders]
    public async Task Confirmations_of_two_new_companies_of_one_account_racing_each_confirm_their_own(StorageProvider provider)
    {
        await using var server = await ServerFixture.StartAsync(provider: provider);
        await RegisterAndConfirmAsync(server, "Bakkerij Jansen B.V.", "1234 AB", Pc1, mail: 1);
        using (var second = await server.PostAsync("/v1/registrations", ServerFixture.Registration(Email, "Slagerij Jansen", "5678 CD", Pc1)))
        {
            Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        }

        var slagerij = ServerFixture.ExtractPassword(server.NewestMessageTo(Email, 2));
        using (var third = await server.PostAsync("/v1/registrations", ServerFixture.Registration(Email, "Viswinkel Jansen", "9012 EF", Pc1)))
        {
            Assert.Equal(HttpStatusCode.Accepted, third.StatusCode);
        }

        var viswinkel = ServerFixture.ExtractPassword(server.NewestMessageTo(Email, 3));

        // Both passwords are pending for the same installation at once; each confirms its own company.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racing = new[] { slagerij, viswinkel }.Select(password => Task.Run(async () =>
        {
            await gate.Task;
            return await ConfirmAsync(server, password, Pc1);
        })).ToList();
        gate.SetResult();
        var confirmed = await Task.WhenAll(racing);

        Assert.Equal(["Slagerij Jansen", "Viswinkel Jansen"], confirmed.Select(c => Assert.Single(c.Licenses!).Company.Name));
        Assert.Equal(3, await server.WithDbAsync(db => db.Licenses.CountAsync(l => l.Status == LicenseRecordStatus.Active)));
        Assert.Equal(3, await server.WithDbAsync(db => db.Installations.CountAsync(i => i.InstallationId == Pc1 && i.ReleasedAt == null)));
        Assert.Equal(0, await server.WithDbAsync(db => db.OneTimePasswords.CountAsync(o => o.ConsumedAt == null)));
        Assert.All(await server.WithDbAsync(db => db.OneTimePasswords.Select(o => o.FailedAttempts).ToListAsync()), a => Assert.Equal(1, a)); // its own attempt only
    }

    [Fact]
    public async Task A_wrong_password_counts_against_every_pending_password_of_the_installation()
    {
        await using var server = await ServerFixture.StartAsync();
        await RegisterAndConfirmAsync(server, "Bakkerij Jansen B.V.", "1234 AB", Pc1, mail: 1);
        foreach (var (name, postcode) in new[] { ("Slagerij Jansen", "5678 CD"), ("Viswinkel Jansen", "9012 EF") })
        {
            using var registered = await server.PostAsync("/v1/registrations", ServerFixture.Registration(Email, name, postcode, Pc1));
            Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        }

        server.WaitForMessagesTo(Email, 3);

        using var wrong = await server.PostAsync("/v1/confirmations", new ConfirmationRequest(Email, "000000", Pc1, ServerFixture.Product));

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var attempts = await server.WithDbAsync(db => db.OneTimePasswords.Where(o => o.ConsumedAt == null).Select(o => o.FailedAttempts).ToListAsync());
        Assert.Equal([1, 1], attempts);
    }

    private static async Task<LicenseResponse> RegisterAndConfirmAsync(ServerFixture server, string name, string postcode, string installation, int mail)
    {
        using var registered = await server.PostAsync("/v1/registrations", ServerFixture.Registration(Email, name, postcode, installation));
        Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        return await ConfirmAsync(server, ServerFixture.ExtractPassword(server.NewestMessageTo(Email, mail)), installation);
    }

    /// <summary>Three companies of one account, registered and confirmed on PC 1; returns their tokens in order of registration.</summary>
    private static async Task<string[]> ThreeCompaniesAsync(ServerFixture server) =>
    [
        (await RegisterAndConfirmAsync(server, "Bakkerij Jansen B.V.", "1234 AB", Pc1, mail: 1)).License,
        (await RegisterAndConfirmAsync(server, "Slagerij Jansen", "5678 CD", Pc1, mail: 2)).License,
        (await RegisterAndConfirmAsync(server, "Viswinkel Jansen", "9012 EF", Pc1, mail: 3)).License,
    ];

    private static async Task<string> RecoverAsync(ServerFixture server, string installation, int mail)
    {
        using var recovery = await server.PostAsync("/v1/recoveries", new RecoveryRequest(Email, ServerFixture.Product, installation));
        Assert.Equal(HttpStatusCode.Accepted, recovery.StatusCode);
        return ServerFixture.ExtractPassword(server.NewestMessageTo(Email, mail));
    }

    private static async Task<LicenseResponse> ConfirmAsync(ServerFixture server, string password, string installation, IReadOnlyList<string>? licenses = null, IReadOnlyList<string>? releases = null)
    {
        using var confirmed = await server.PostAsync("/v1/confirmations", new ConfirmationRequest(Email, password, installation, ServerFixture.Product, Licenses: licenses, Releases: releases));
        Assert.True(confirmed.StatusCode == HttpStatusCode.OK, await confirmed.Content.ReadAsStringAsync());
        return (await confirmed.Content.ReadFromJsonAsync<LicenseResponse>(ServerFixture.Json))!;
    }

    private static string LicenseId(string token)
    {
        using var json = JsonDocument.Parse(Base64Url.DecodeFromChars(token.Split('.')[1]));
        return json.RootElement.GetProperty("sub").GetString()!;
    }
}
