using System.Text.Json;
using Faktum.Licensing.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Faktum.Licensing.Tests.Storage;

/// <summary>
/// A data folder exactly as an earlier SDK wrote it (Fixtures/v1, see its README): the SDK of today must keep its license.
/// The fixture's token is signed by a key made for it, of which only the public key is kept.
/// </summary>
public sealed class StateFileFixtureTests : IDisposable
{
    // A day after the fixture's last online check: its token (60 days) and its trial (30 days) are still running.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "faktum-tests", Guid.NewGuid().ToString("N"));

    public StateFileFixtureTests()
    {
        Directory.CreateDirectory(_dataDirectory);
        foreach (var name in new[] { "state.json", "license.jwt" })
        {
            File.Copy(Path.Combine(FixtureDirectory, name), Path.Combine(_dataDirectory, name));
        }
    }

    private static string FixtureDirectory => Path.Combine(AppContext.BaseDirectory, "Storage", "Fixtures", "v1");

    [Fact]
    public async Task A_version_1_state_file_keeps_its_license_offline_with_its_company()
    {
        await using var provider = Sdk();

        var status = await provider.GetRequiredService<IFaktumLicensing>().CheckAsync();

        Assert.Equal(LicenseState.OfflineGrace, status.State);
        Assert.Equal("Bakkerij Jansen B.V.", status.Company?.Name);
        Assert.Equal("+31 20 123 4567", status.Company?.Phone);
        Assert.Equal("lic_fixture_v1", status.Claims?.LicenseId);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private ServiceProvider Sdk()
    {
        string kid, x;
        using (var key = JsonDocument.Parse(File.ReadAllText(Path.Combine(FixtureDirectory, "signing-key.json"))))
        {
            kid = key.RootElement.GetProperty("kid").GetString()!;
            x = key.RootElement.GetProperty("x").GetString()!;
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_time);
        services.AddFaktumLicensing(options =>
        {
            options.ServerUrl = LoopbackPeer.Refusing();
            options.ProductId = "faktum-factuur";
            options.TrustedKeys[kid] = x;
            options.AppVersion = "2.3.1";
            options.DataDirectory = _dataDirectory;
        });
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
