using System.Text.Json;
using System.Text.Json.Nodes;
using Faktum.Licensing.Storage;
using Faktum.Licensing.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Faktum.Licensing.Tests.Startup;

/// <summary>
/// An installation with two companies (S9): the start-up check against answers the real server does not give (one call with
/// <c>licenses</c>, each license's answer judged on its own), and the choice of the current company.
/// </summary>
public sealed class SeveralLicensesStartupTests : IDisposable
{
    private readonly LicensingTestHost _host = new();
    private readonly string _installationId = LicenseStateStore.NewInstallationId();
    private string _first = string.Empty;
    private string _second = string.Empty;

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task An_answer_without_a_verdict_for_each_license_is_refused_and_every_license_works_offline()
    {
        await HoldTwoLicensesAsync();

        var current = await _host.Licensing.CheckAsync();

        var request = Assert.Single(_host.Server.Requests, r => r.Path == "/v1/startup");
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(["appVersion", "channel", "licenses", "nonce"], body.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal([_first, _second], body.RootElement.GetProperty("licenses").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(LicenseState.OfflineGrace, current.State);
        Assert.Contains("does not answer for each of the 2 licenses", current.Message, StringComparison.Ordinal);
        Assert.All((await _host.Licensing.GetCompaniesAsync()).EnsureSuccess(), c => Assert.Equal(LicenseState.OfflineGrace, c.Status.State));
    }

    [Fact]
    public async Task A_refreshed_token_bound_to_another_installation_is_refused_for_its_license_alone()
    {
        await HoldTwoLicensesAsync();
        var refreshedFirst = Issue("lic_first", _installationId);
        var foreign = Issue("lic_second", LicenseStateStore.NewInstallationId());
        _host.Server.EditStartupPayload = payload => payload["licenses"] = new JsonArray(Answer(refreshedFirst), Answer(foreign));

        var current = await _host.Licensing.CheckAsync();
        var companies = (await _host.Licensing.GetCompaniesAsync()).EnsureSuccess().ToDictionary(c => c.LicenseId, c => c.Status);

        Assert.Equal((LicenseState.Trial, true), (companies["lic_first"].State, companies["lic_first"].IsConfirmedOnline));
        Assert.Equal(LicenseState.OfflineGrace, companies["lic_second"].State);
        Assert.Contains("refreshed license token was refused", companies["lic_second"].Message, StringComparison.Ordinal);
        Assert.Equal(companies["lic_second"], current);
        Assert.Equal(refreshedFirst, (await File.ReadAllTextAsync(Path.Combine(_host.DataDirectory, "license.jwt"))).Trim());
        Assert.Equal(_second, (await File.ReadAllTextAsync(Path.Combine(_host.DataDirectory, "license.2.jwt"))).Trim());
    }

    [Fact]
    public async Task Selecting_a_company_makes_it_current_raises_status_changed_and_is_kept_for_the_next_start_and_an_unknown_one_is_refused()
    {
        await HoldTwoLicensesAsync();
        _host.Server.EditStartupPayload = payload => payload["licenses"] = new JsonArray(Answer(Issue("lic_first", _installationId)), Answer(Issue("lic_second", _installationId)));
        Assert.Equal("lic_second", (await _host.Licensing.CheckAsync()).Claims?.LicenseId);
        var changes = new List<LicenseStatusChangedEventArgs>();
        _host.Licensing.StatusChanged += (_, e) => changes.Add(e);

        var selected = await _host.Licensing.SelectCompanyAsync("lic_first");
        var unknown = await _host.Licensing.SelectCompanyAsync("lic_elsewhere");

        var status = selected.EnsureSuccess();
        Assert.Equal((LicenseState.Trial, "lic_first"), (status.State, status.Claims?.LicenseId));
        Assert.Equal("lic_first", _host.Licensing.Current.Claims?.LicenseId);
        Assert.Equal("lic_first", Assert.Single(changes).Current.Claims?.LicenseId);
        Assert.Equal(LicensingFailure.CompanyNotOnInstallation, unknown.Failure);
        Assert.Equal("lic_first", Assert.Single((await _host.Licensing.GetCompaniesAsync()).EnsureSuccess(), c => c.IsCurrent).LicenseId);
        Assert.Single(_host.Server.Requests, r => r.Path == "/v1/startup");
        using var next = new LicensingTestHost(dataDirectory: _host.DataDirectory, server: _host.Server);
        Assert.Equal("lic_first", (await next.Licensing.CheckAsync()).Claims?.LicenseId);
    }

    private async Task HoldTwoLicensesAsync()
    {
        _first = Issue("lic_first", _installationId);
        _second = Issue("lic_second", _installationId);
        var store = new LicenseStateStore(_host.DataDirectory, NullLogger.Instance);
        var now = _host.Time.GetUtcNow();
        await store.UpdateAsync(_ => (new LocalLicenseState { InstallationId = _installationId, LastOnlineCheck = now, HighestServerTime = now, Company = Company("Bakkerij Jansen B.V.") }, _first), default);
        await store.UpdateAsync(current => (current.State! with { Company = Company("Slagerij Pietersen") }, _second), default);
        _host.Time.Advance(TimeSpan.FromHours(1));
    }

    private string Issue(string licenseId, string installationId) => _host.Server.IssueLicense(installationId, claims => claims with { LicenseId = licenseId });

    private JsonObject Answer(string token) => new()
    {
        ["verdict"] = "trial",
        ["trial_days_left"] = 30,
        ["license"] = token,
        ["company"] = JsonSerializer.SerializeToNode(_host.Server.Company),
    };

    private static CompanyProfile Company(string name) => new(name, "1234 AB", "NL", "Dorpsstraat", "1", "Ons Dorp", "J. Jansen", null, "info@example.test");
}
