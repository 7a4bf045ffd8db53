using System.Text.Json;
using Faktum.Licensing.Storage;
using Faktum.Licensing.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Faktum.Licensing.Tests.Storage;

/// <summary>state.json version 3 (S9): a license per company, each token in its own allow-listed file.</summary>
public sealed class SeveralLicensesStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "faktum-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeLicenseServer _server = new(new FakeTimeProvider(LicensingTestHost.Start));
    private readonly string _installationId = LicenseStateStore.NewInstallationId();

    public void Dispose()
    {
        _server.Dispose();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_token_of_another_license_is_added_in_its_own_file_and_becomes_current_and_the_first_stays_in_license_jwt()
    {
        var store = Store();
        var first = Token("lic_first");
        var second = Token("lic_second");
        await store.UpdateAsync(_ => (new LocalLicenseState { InstallationId = _installationId, Company = Company("Bakkerij Jansen B.V.") }, first), default);

        await store.UpdateAsync(current => (current.State! with { Company = Company("Slagerij Pietersen") }, second), default);
        var read = await store.ReadAsync(default);

        Assert.Equal(LocalStateCondition.Usable, read.Condition);
        Assert.Equal(["lic_first", "lic_second"], read.Licenses.Select(l => l.LicenseId));
        Assert.Equal("lic_second", read.CurrentLicenseId);
        Assert.Equal(second, read.Token);
        Assert.Equal("Slagerij Pietersen", read.State!.Company!.Name);
        Assert.Equal("Bakkerij Jansen B.V.", read.Licenses[0].Company!.Name);
        Assert.Equal(first, (await File.ReadAllTextAsync(Path.Combine(_directory, "license.jwt"))).Trim());
        Assert.Equal(second, (await File.ReadAllTextAsync(Path.Combine(_directory, "license.2.jwt"))).Trim());
        using var written = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_directory, LicenseStateStore.StateFileName)));
        Assert.Equal(3, written.RootElement.GetProperty("version").GetInt32());
        Assert.Equal("lic_second", written.RootElement.GetProperty("current").GetString());
        Assert.Equal(["license.jwt", "license.2.jwt"], written.RootElement.GetProperty("licenses").EnumerateArray().Select(l => l.GetProperty("tokenFile").GetString()));
    }

    [Fact]
    public async Task A_license_left_out_of_the_list_loses_its_token_file_and_the_others_keep_theirs()
    {
        var store = Store();
        await store.UpdateAsync(_ => (new LocalLicenseState { InstallationId = _installationId }, Token("lic_first")), default);
        await store.UpdateAsync(current => (current.State!, Token("lic_second")), default);
        await store.UpdateAsync(current => (current.State!, Token("lic_third")), default);

        await store.UpdateLicensesAsync(current => current with { Licenses = [.. current.Licenses.Where(l => l.LicenseId != "lic_second")] }, default);
        var read = await store.ReadAsync(default);

        Assert.Equal(["lic_first", "lic_third"], read.Licenses.Select(l => l.LicenseId));
        Assert.Equal("lic_third", read.CurrentLicenseId);
        Assert.False(File.Exists(Path.Combine(_directory, "license.2.jwt")));
        Assert.True(File.Exists(Path.Combine(_directory, "license.3.jwt")));

        // The freed name is taken again by the next license.
        await store.UpdateAsync(current => (current.State!, Token("lic_fourth")), default);
        Assert.Equal("license.2.jwt", (await store.ReadAsync(default)).Licenses.Single(l => l.LicenseId == "lic_fourth").TokenFile);
    }

    [Theory]
    [InlineData("../license.jwt")]
    [InlineData("/etc/passwd")]
    [InlineData("sub/license.jwt")]
    [InlineData("license.1.jwt")]
    [InlineData("license.02.jwt")]
    [InlineData("license.26.jwt")]
    [InlineData("license.jwt.bak")]
    [InlineData("LICENSE.JWT")]
    [InlineData("state.json")]
    public async Task A_token_file_name_off_the_allow_list_makes_the_state_damaged(string tokenFile)
    {
        Directory.CreateDirectory(_directory);
        var state = $$"""{"version":3,"installationId":"{{_installationId}}","current":"lic_a","licenses":[{"licenseId":"lic_a","tokenFile":{{JsonSerializer.Serialize(tokenFile)}}}]}""";
        await File.WriteAllTextAsync(Path.Combine(_directory, LicenseStateStore.StateFileName), state);

        var read = await Store().ReadAsync(default);

        Assert.Equal(LocalStateCondition.Damaged, read.Condition);
        Assert.Contains("token file", read.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_licenses_sharing_a_token_file_make_the_state_damaged()
    {
        Directory.CreateDirectory(_directory);
        var state = $$"""{"version":3,"installationId":"{{_installationId}}","licenses":[{"licenseId":"lic_a","tokenFile":"license.jwt"},{"licenseId":"lic_b","tokenFile":"license.jwt"}]}""";
        await File.WriteAllTextAsync(Path.Combine(_directory, LicenseStateStore.StateFileName), state);

        var read = await Store().ReadAsync(default);

        Assert.Equal(LocalStateCondition.Damaged, read.Condition);
        Assert.Contains("share", read.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("license.jwt", true)]
    [InlineData("license.2.jwt", true)]
    [InlineData("license.25.jwt", true)]
    [InlineData("license.0.jwt", false)]
    [InlineData("license..jwt", false)]
    [InlineData("license.2x.jwt", false)]
    public void Token_file_names_are_license_jwt_and_license_2_to_25_jwt(string name, bool allowed) => Assert.Equal(allowed, TokenFiles.IsAllowed(name));

    private LicenseStateStore Store() => new(_directory, NullLogger.Instance);

    private string Token(string licenseId) => _server.IssueLicense(_installationId, claims => claims with { LicenseId = licenseId });

    private static CompanyProfile Company(string name) => new(name, "1234 AB", "NL", "Dorpsstraat", "1", "Ons Dorp", "J. Jansen", null, "info@example.test");
}
