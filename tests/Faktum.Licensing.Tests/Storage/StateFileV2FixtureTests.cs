using System.Text.Json;
using Faktum.Licensing.Storage;
using Faktum.Licensing.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Faktum.Licensing.Tests.Storage;

/// <summary>
/// A single-company data folder exactly as the SDK before several companies (S9) wrote it (Fixtures/v2, see its README): today's SDK
/// reads it as one company, offline as before, and writes version 3 at the next write with the token still in license.jwt.
/// </summary>
public sealed class StateFileV2FixtureTests : IDisposable
{
    private const string InstallationId = "N6unfVZ-h0U-PN6oth6llQ";
    private const string LicenseId = "lic_FFuq3V-yn73pIfKxThZvUg";

    // A day after the fixture's last online check (2026-11-28 13:00 UTC): its token (60 days) and its trial (30 days) still run.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 13, 0, 0, TimeSpan.Zero));
    private readonly StateFixtureFolder _folder = new("v2");

    [Fact]
    public async Task A_version_2_data_folder_reads_as_one_current_company_with_its_installation_and_license_and_works_offline_as_before()
    {
        await using var provider = Sdk();
        var licensing = provider.GetRequiredService<IFaktumLicensing>();

        var before = await licensing.GetCompaniesAsync();
        var status = await licensing.CheckAsync();
        var after = await licensing.GetCompaniesAsync();

        var company = Assert.Single(before.EnsureSuccess());
        Assert.Equal((LicenseId, "Bakkerij Jansen B.V.", true), (company.LicenseId, company.Profile.Name, company.IsCurrent));
        Assert.Equal(LicenseState.OfflineGrace, company.Status.State);
        Assert.Equal(LicenseState.OfflineGrace, status.State);
        Assert.Equal(LicenseId, status.Claims?.LicenseId);
        Assert.Equal(InstallationId, status.Claims?.InstallationId);
        Assert.Equal("Bakkerij Jansen B.V.", status.Company?.Name);
        Assert.Equal(status, Assert.Single(after.EnsureSuccess()).Status);
    }

    [Fact]
    public async Task A_version_2_data_folder_is_written_as_version_3_at_the_next_write_with_the_token_still_in_license_jwt()
    {
        var token = await File.ReadAllTextAsync(Path.Combine(_folder.DataDirectory, "license.jwt"));
        await using (var provider = Sdk())
        {
            var store = provider.GetRequiredService<LicenseStateStore>();
            await store.UpdateAsync(current => (current.State!, null), CancellationToken.None);
        }

        using (var written = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_folder.DataDirectory, LicenseStateStore.StateFileName))))
        {
            var root = written.RootElement;
            Assert.Equal(3, root.GetProperty("version").GetInt32());
            Assert.Equal(InstallationId, root.GetProperty("installationId").GetString());
            Assert.Equal(LicenseId, root.GetProperty("current").GetString());
            var license = Assert.Single(root.GetProperty("licenses").EnumerateArray());
            Assert.Equal((LicenseId, "license.jwt", "trial"), (license.GetProperty("licenseId").GetString(), license.GetProperty("tokenFile").GetString(), license.GetProperty("lastVerdict").GetString()));
            Assert.Equal("Bakkerij Jansen B.V.", license.GetProperty("company").GetProperty("name").GetString());
        }

        Assert.Equal(token, await File.ReadAllTextAsync(Path.Combine(_folder.DataDirectory, "license.jwt")));
        Assert.Equal(["faktum.lock", "license.jwt", "state.json"], Directory.EnumerateFiles(_folder.DataDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        await using var again = Sdk();
        var status = await again.GetRequiredService<IFaktumLicensing>().CheckAsync();
        Assert.Equal((LicenseState.OfflineGrace, LicenseId), (status.State, status.Claims?.LicenseId));
    }

    public void Dispose() => _folder.Dispose();

    private ServiceProvider Sdk() => _folder.Sdk(_time);
}
