using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Faktum.Licensing.EndToEnd.Tests.Infrastructure;
using Faktum.Licensing.EndToEnd.Tests.Seats;
using Faktum.Licensing.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Faktum.Licensing.EndToEnd.Tests.Companies;

/// <summary>Several companies (S9) against the real server: one e-mail address owns several, one installation holds several.</summary>
public sealed class SeveralCompaniesTests
{
    private const int MovesPerWindow = 3; // the server's default FaktumServer:MovesPerWindow

    private static readonly (string Name, string Postcode)[] Three = [("Bakkerij Jansen B.V.", "1234 AB"), ("Slagerij Pietersen", "2345 BC"), ("Bloemisterij De Vries", "3456 CD")];

    [Fact]
    public async Task One_email_address_registers_and_confirms_three_companies_on_one_installation_and_a_restart_shows_all_three_with_their_own_trial_days()
    {
        await using var server = await E2eServer.StartAsync();
        using (var pc1 = new HostApp(server, server.Computer("pc1")))
        {
            await RegisterThreeAsync(server, pc1);
        }

        server.Time.Advance(TimeSpan.FromDays(1));
        using var restarted = new HostApp(server, server.Computer("pc1"));
        var current = await restarted.Licensing.CheckAsync();
        var companies = (await restarted.Licensing.GetCompaniesAsync()).EnsureSuccess();

        // By name; the trials started a day apart (30 days each), and the last one confirmed is current.
        Assert.Equal(["Bakkerij Jansen B.V.", "Bloemisterij De Vries", "Slagerij Pietersen"], companies.Select(c => c.Profile.Name));
        Assert.All(companies, c => Assert.Equal((LicenseState.Trial, true), (c.Status.State, c.Status.IsConfirmedOnline)));
        Assert.Equal([27, 29, 28], companies.Select(c => c.Status.DaysLeft));
        Assert.Equal("Bloemisterij De Vries", Assert.Single(companies, c => c.IsCurrent).Profile.Name);
        Assert.Equal((LicenseState.Trial, 29, "Bloemisterij De Vries"), (current.State, current.DaysLeft, current.Company?.Name));
        Assert.Equal(3, companies.Select(c => c.LicenseId).Distinct(StringComparer.Ordinal).Count());
        Assert.Single(companies.Select(c => c.Status.Claims!.AccountId).Distinct(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_recovery_on_a_second_installation_offers_the_three_companies_and_choosing_two_moves_those_two_and_the_third_stays()
    {
        await using var server = await E2eServer.StartAsync();
        using var pc1 = new HostApp(server, server.Computer("pc1"));
        var ids = await RegisterThreeAsync(server, pc1);
        server.Time.Advance(TimeSpan.FromHours(1));
        using var pc2 = new HostApp(server, server.Computer("pc2"));

        var password = await SeatsTests.RequestPasswordAsync(server, pc2);
        var choice = await pc2.Licensing.ConfirmAsync(HostApp.Email, password);

        Assert.Equal(LicensingFailure.CompanyChoiceRequired, choice.Failure);
        Assert.Equal(["Bakkerij Jansen B.V.", "Bloemisterij De Vries", "Slagerij Pietersen"], choice.Companies.Select(c => c.Name));
        Assert.All(choice.Companies, c => Assert.False(c.IsOnThisInstallation));
        Assert.Equal(ids.Order(StringComparer.Ordinal), choice.Companies.Select(c => c.LicenseId).Order(StringComparer.Ordinal));
        Assert.False(File.Exists(pc2.TokenPath));

        var bakkerij = choice.Companies.Single(c => c.Name == "Bakkerij Jansen B.V.").LicenseId;
        var slagerij = choice.Companies.Single(c => c.Name == "Slagerij Pietersen").LicenseId;
        var brought = await pc2.Licensing.ConfirmAsync(HostApp.Email, password, new SeatChoice { Label = "Laptop", LicenseIds = [slagerij, bakkerij] });

        Assert.True(brought.Succeeded, brought.Message);
        Assert.Equal("Slagerij Pietersen", brought.Value.Company?.Name);
        var onPc2 = (await pc2.Licensing.GetCompaniesAsync()).EnsureSuccess();
        Assert.Equal(["Bakkerij Jansen B.V.", "Slagerij Pietersen"], onPc2.Select(c => c.Profile.Name));
        Assert.All(onPc2, c => Assert.Equal(LicenseState.Trial, c.Status.State));
        Assert.Equal(slagerij, Assert.Single(onPc2, c => c.IsCurrent).LicenseId);

        await pc1.Licensing.CheckAsync();
        var onPc1 = (await pc1.Licensing.GetCompaniesAsync()).EnsureSuccess().ToDictionary(c => c.Profile.Name, c => c.Status.State);
        Assert.Equal(LicenseState.MovedToAnotherInstallation, onPc1["Bakkerij Jansen B.V."]);
        Assert.Equal(LicenseState.MovedToAnotherInstallation, onPc1["Slagerij Pietersen"]);
        Assert.Equal(LicenseState.Trial, onPc1["Bloemisterij De Vries"]);
    }

    [Fact]
    public async Task One_start_up_call_checks_every_license_with_exactly_licenses_appVersion_channel_and_nonce_and_a_suspended_one_alone_is_read_only()
    {
        var capture = new StartupRequestCapture();
        await using var server = await E2eServer.StartAsync(services => services.AddSingleton<IStartupFilter>(capture));
        using (var pc1 = new HostApp(server, server.Computer("pc1")))
        {
            await RegisterThreeAsync(server, pc1);
        }

        using var app = new HostApp(server, server.Computer("pc1"));
        var held = (await app.Licensing.GetCompaniesAsync()).EnsureSuccess();
        var slagerij = held.Single(c => c.Profile.Name == "Slagerij Pietersen").LicenseId;
        using (var suspend = await server.Admin.PostAsync(new Uri($"v1/admin/licenses/{slagerij}/suspend", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.OK, suspend.StatusCode);
        }

        var tokens = Directory.EnumerateFiles(app.DataDirectory, "license*.jwt").Select(f => File.ReadAllText(f).Trim()).Order(StringComparer.Ordinal).ToArray();
        var before = capture.Requests.Count;

        var current = await app.Licensing.CheckAsync();

        var request = Assert.Single(capture.Requests.Skip(before));
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(["appVersion", "channel", "licenses", "nonce"], body.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(tokens, body.RootElement.GetProperty("licenses").EnumerateArray().Select(t => t.GetString()!).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(("2.3.1", "stable"), (body.RootElement.GetProperty("appVersion").GetString(), body.RootElement.GetProperty("channel").GetString()));
        Assert.Equal(3, tokens.Length);

        var checkedCompanies = (await app.Licensing.GetCompaniesAsync()).EnsureSuccess().ToDictionary(c => c.Profile.Name, c => c.Status);
        Assert.Equal((LicenseState.Suspended, LicenseMode.ReadOnly), (checkedCompanies["Slagerij Pietersen"].State, checkedCompanies["Slagerij Pietersen"].Mode));
        Assert.Equal((LicenseState.Trial, LicenseMode.RunNormally), (checkedCompanies["Bakkerij Jansen B.V."].State, checkedCompanies["Bakkerij Jansen B.V."].Mode));
        Assert.Equal((LicenseState.Trial, LicenseMode.RunNormally), (checkedCompanies["Bloemisterij De Vries"].State, checkedCompanies["Bloemisterij De Vries"].Mode));
        Assert.All(checkedCompanies.Values, s => Assert.True(s.IsConfirmedOnline));
        Assert.Equal((LicenseState.Trial, "Bloemisterij De Vries"), (current.State, current.Company?.Name));

        // Switching to the suspended company is one choice: Current becomes its status, without another call.
        var selected = (await app.Licensing.SelectCompanyAsync(slagerij)).EnsureSuccess();
        Assert.Equal(LicenseState.Suspended, selected.State);
        Assert.Equal(LicenseState.Suspended, app.Licensing.Current.State);
        Assert.Equal(before + 1, capture.Requests.Count);
        using var restarted = new HostApp(server, server.Computer("pc1"));
        Assert.Equal("Slagerij Pietersen", (await restarted.Licensing.CheckAsync()).Company?.Name);
    }

    [Fact]
    public async Task Removing_a_company_from_an_installation_frees_its_seat_without_spending_a_move_and_leaves_the_others_untouched()
    {
        await using var server = await E2eServer.StartAsync();
        using var pc1 = new HostApp(server, server.Computer("pc1"));
        await RegisterThreeAsync(server, pc1);
        var held = (await pc1.Licensing.GetCompaniesAsync()).EnsureSuccess();
        var slagerij = held.Single(c => c.Profile.Name == "Slagerij Pietersen");
        var tokenFile = Directory.EnumerateFiles(pc1.DataDirectory, "license*.jwt").Single(f => File.ReadAllText(f).Trim() == TokenOf(pc1, slagerij.LicenseId));
        (await pc1.Licensing.SelectCompanyAsync(slagerij.LicenseId)).EnsureSuccess();

        var removed = await pc1.Licensing.RemoveCompanyAsync(slagerij.LicenseId);

        Assert.True(removed.Succeeded, removed.Message);
        Assert.False(File.Exists(tokenFile));
        var left = (await pc1.Licensing.GetCompaniesAsync()).EnsureSuccess();
        Assert.Equal(["Bakkerij Jansen B.V.", "Bloemisterij De Vries"], left.Select(c => c.Profile.Name));
        Assert.Equal("Bakkerij Jansen B.V.", Assert.Single(left, c => c.IsCurrent).Profile.Name);
        Assert.Equal("Bakkerij Jansen B.V.", pc1.Licensing.Current.Company?.Name);
        Assert.Equal(LicensingFailure.CompanyNotOnInstallation, (await pc1.Licensing.SelectCompanyAsync(slagerij.LicenseId)).Failure);
        var status = await pc1.Licensing.CheckAsync();
        Assert.Equal(LicenseState.Trial, status.State);
        Assert.All((await pc1.Licensing.GetCompaniesAsync()).EnsureSuccess(), c => Assert.Equal((LicenseState.Trial, true), (c.Status.State, c.Status.IsConfirmedOnline)));

        // The seat is free: a second computer takes it without releasing the first, and the move budget is whole.
        server.Time.Advance(TimeSpan.FromHours(1));
        using var pc2 = new HostApp(server, server.Computer("pc2"));
        var password = await SeatsTests.RequestPasswordAsync(server, pc2);
        (await pc2.Licensing.ConfirmAsync(HostApp.Email, password, new SeatChoice { LicenseIds = [slagerij.LicenseId] })).EnsureSuccess();
        var installations = (await pc2.Licensing.GetInstallationsAsync()).EnsureSuccess();
        Assert.True(Assert.Single(installations.Installations).IsThisInstallation);
        Assert.Equal(MovesPerWindow, installations.MovesLeft);
    }

    [Fact]
    public async Task An_installation_written_by_the_sdk_before_several_companies_keeps_its_license_installation_and_company_and_is_written_as_version_3()
    {
        // The version 2 layout is the fixture's, as the SDK before several companies wrote it (Fixtures/v2); no server key is kept
        // with it, so the token and the installation id are this server's: a company registered and confirmed here, on one PC.
        await using var server = await E2eServer.StartAsync();
        var registered = server.Computer("registered");
        string token, installationId;
        using (var first = new HostApp(server, registered))
        {
            var confirmed = await first.RegisterAndConfirmAsync(server);
            (token, installationId) = (await File.ReadAllTextAsync(first.TokenPath), confirmed.Claims!.InstallationId);
        }

        server.Time.Advance(TimeSpan.FromHours(1));
        var fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "v2");
        var v2 = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(fixture, "state.json")))!.AsObject();
        Assert.Equal(2, (int)v2["version"]!);
        v2["installationId"] = installationId;
        var now = server.Time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        (v2["lastOnlineCheck"], v2["highestServerTime"]) = (now, now);
        var computer = server.Computer("pc1");
        Directory.CreateDirectory(computer);
        await File.WriteAllTextAsync(Path.Combine(computer, "state.json"), v2.ToJsonString());
        await File.WriteAllTextAsync(Path.Combine(computer, "license.jwt"), token);
        Directory.Delete(registered, recursive: true);

        // A day after the confirmation the trial has 29 of its 30 days left.
        server.Time.Advance(TimeSpan.FromDays(1) - TimeSpan.FromHours(1));
        using var app = new HostApp(server, computer);

        var status = await app.Licensing.CheckAsync();

        Assert.Equal((LicenseState.Trial, true, 29), (status.State, status.IsConfirmedOnline, status.DaysLeft));
        Assert.Equal(installationId, status.Claims?.InstallationId);
        Assert.Equal("Bakkerij Jansen B.V.", status.Company?.Name);
        var company = Assert.Single((await app.Licensing.GetCompaniesAsync()).EnsureSuccess());
        Assert.True(company.IsCurrent);
        Assert.Equal(status.Claims?.LicenseId, company.LicenseId);
        using var state = JsonDocument.Parse(await File.ReadAllTextAsync(app.StatePath));
        Assert.Equal(3, state.RootElement.GetProperty("version").GetInt32());
        Assert.Equal(installationId, state.RootElement.GetProperty("installationId").GetString());
        Assert.Equal("license.jwt", Assert.Single(state.RootElement.GetProperty("licenses").EnumerateArray()).GetProperty("tokenFile").GetString());
        Assert.Equal(["faktum.lock", "license.jwt", "state.json"], Directory.EnumerateFiles(computer).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        using var again = new HostApp(server, computer);
        Assert.Equal(LicenseState.Trial, (await again.Licensing.CheckAsync()).State);
    }

    [Fact]
    public async Task Removing_a_company_while_the_server_cannot_be_reached_removes_nothing_and_logs_one_line_without_a_stack_trace()
    {
        await using var server = await E2eServer.StartAsync();
        using var app = new HostApp(server, server.Computer("pc1"), build: builder => builder.Services.AddFakeLogging());
        await RegisterThreeAsync(server, app, count: 2);
        var held = (await app.Licensing.GetCompaniesAsync()).EnsureSuccess();
        await server.StopAsync();
        app.Provider.GetFakeLogCollector().Clear();

        var removed = await app.Licensing.RemoveCompanyAsync(held[0].LicenseId);
        var unknown = await app.Licensing.RemoveCompanyAsync("lic_not_on_this_installation");

        Assert.Equal(LicensingFailure.ServerUnreachable, removed.Failure);
        Assert.Equal(LicensingFailure.CompanyNotOnInstallation, unknown.Failure);
        Assert.Equal(held.Select(c => c.LicenseId), (await app.Licensing.GetCompaniesAsync()).EnsureSuccess().Select(c => c.LicenseId));
        Assert.Equal(2, Directory.EnumerateFiles(app.DataDirectory, "license*.jwt").Count());
        var records = app.Provider.GetFakeLogCollector().GetSnapshot();
        Assert.All(records, record => Assert.Null(record.Exception));
        Assert.Contains("v1/installations", Assert.Single(records, record => record.Level >= LogLevel.Warning).Message, StringComparison.Ordinal);
    }

    /// <summary>Registers and confirms the first <paramref name="count"/> of the three companies under one e-mail address on <paramref name="app"/>,
    /// a day apart; returns their license ids.</summary>
    internal static async Task<IReadOnlyList<string>> RegisterThreeAsync(E2eServer server, HostApp app, int count = 3)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                server.Time.Advance(TimeSpan.FromDays(1));
            }

            var before = Passwords(server);
            (await app.Licensing.RegisterCompanyAsync(HostApp.Registration(Three[i].Name, Three[i].Postcode))).EnsureSuccess();
            var confirmed = (await app.Licensing.ConfirmAsync(HostApp.Email, await NewPasswordAsync(server, before))).EnsureSuccess();
            Assert.Equal((LicenseState.Trial, 30, Three[i].Name), (confirmed.State, confirmed.DaysLeft, confirmed.Company?.Name));
            ids.Add(confirmed.Claims!.LicenseId);
        }

        return ids;
    }

    private static HashSet<string> Passwords(E2eServer server) =>
        server.MessagesTo(HostApp.Email).Select(PickupFolder.PasswordIn).OfType<string>().ToHashSet(StringComparer.Ordinal);

    private static async Task<string> NewPasswordAsync(E2eServer server, HashSet<string> before)
    {
        var deadline = Environment.TickCount64 + 15_000;
        while (true)
        {
            if (Passwords(server).FirstOrDefault(p => !before.Contains(p)) is { } password)
            {
                return password;
            }

            Assert.True(Environment.TickCount64 < deadline, "No new one-time password arrived.");
            await Task.Delay(50);
        }
    }

    private static string TokenOf(HostApp app, string licenseId) =>
        Directory.EnumerateFiles(app.DataDirectory, "license*.jwt").Select(f => File.ReadAllText(f).Trim())
            .Single(t => Faktum.Licensing.Storage.TokenFiles.UnverifiedLicenseId(t) == licenseId);

}
