using System.Text.Json;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Storage;
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
    private readonly StateFixtureFolder _folder = new("v1");

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

    [Fact]
    public async Task A_version_1_state_file_is_rewritten_as_the_current_version_at_the_next_write_and_still_keeps_its_license()
    {
        await using (var provider = Sdk())
        {
            var store = provider.GetRequiredService<LicenseStateStore>();

            // Any write (here one that changes nothing) writes the file in the current format.
            await store.UpdateAsync(current => (current.State!, null), CancellationToken.None);
        }

        using (var written = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_folder.DataDirectory, LicenseStateStore.StateFileName))))
        {
            Assert.Equal(LicenseStateDocument.CurrentVersion, written.RootElement.GetProperty("version").GetInt32());
            Assert.Equal("trial", written.RootElement.GetProperty("lastVerdict").GetString());
            Assert.Equal("Bakkerij Jansen B.V.", written.RootElement.GetProperty("company").GetProperty("name").GetString());
        }

        await using var again = Sdk();
        var status = await again.GetRequiredService<IFaktumLicensing>().CheckAsync();

        Assert.Equal(LicenseState.OfflineGrace, status.State);
        Assert.Equal("Bakkerij Jansen B.V.", status.Company?.Name);
        Assert.Equal("lic_fixture_v1", status.Claims?.LicenseId);
    }

    [Fact]
    public async Task A_version_1_state_file_reads_into_the_same_state_as_its_rewrite()
    {
        await using var provider = Sdk();
        var store = provider.GetRequiredService<LicenseStateStore>();
        var before = await store.ReadAsync(CancellationToken.None);

        await store.UpdateAsync(current => (current.State!, null), CancellationToken.None);
        var after = await store.ReadAsync(CancellationToken.None);

        Assert.Equal(LocalStateCondition.Usable, before.Condition);
        Assert.Equal(before.State, after.State);
        Assert.Equal(before.Token, after.Token);
        Assert.Equal(LicenseVerdict.Trial, after.State!.LastVerdict);
        Assert.Equal(3, after.State.Updates?.HighestSequence);
    }

    public void Dispose() => _folder.Dispose();

    private ServiceProvider Sdk() => _folder.Sdk(_time);
}
