using System.Diagnostics;
using System.Text.Json;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Faktum.Licensing.Tests.Storage;

public sealed class LicenseStateStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "faktum-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task Update_async_then_read_async_round_trips_state_and_token_and_writes_only_its_own_files()
    {
        var store = Store();
        var state = new LocalLicenseState
        {
            InstallationId = LicenseStateStore.NewInstallationId(),
            LastOnlineCheck = new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero),
            HighestServerTime = new DateTimeOffset(2026, 11, 28, 12, 1, 0, TimeSpan.Zero),
            Company = new CompanyProfile("Bakkerij Jansen B.V.", "1234 AB", "NL", "Dorpsstraat", "1", "Ons Dorp", "J. Jansen", null, "info@example.test"),
        };

        await store.UpdateAsync(_ => (state, "header.payload.signature"), default);
        var read = await store.ReadAsync(default);

        Assert.Equal(LocalStateCondition.Usable, read.Condition);
        Assert.Equal(state, read.State);
        Assert.Equal("header.payload.signature", read.Token);
        string[] expected = [LicenseStateStore.LockFileName, LicenseStateStore.TokenFileName, LicenseStateStore.StateFileName];
        Assert.Equal(expected, Directory.EnumerateFiles(_directory).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task Update_async_writes_the_current_versioned_document()
    {
        await Store().UpdateAsync(_ => (new LocalLicenseState { InstallationId = LicenseStateStore.NewInstallationId(), LastVerdict = LicenseVerdict.Revoked }, null), default);

        using var written = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_directory, LicenseStateStore.StateFileName)));
        Assert.Equal(LicenseStateDocument.CurrentVersion, written.RootElement.GetProperty("version").GetInt32());
        Assert.Equal("revoked", written.RootElement.GetProperty("lastVerdict").GetString());
    }

    [Theory]
    [InlineData("{\"installationId\":\"8_hBIpLzQv-Xj6zJkz_adA\",\"lastVerdict\":\"moved\"}")]
    [InlineData("{\"version\":1,\"installationId\":\"8_hBIpLzQv-Xj6zJkz_adA\",\"lastVerdict\":\"moved\"}")]
    [InlineData("{\"version\":2,\"installationId\":\"8_hBIpLzQv-Xj6zJkz_adA\",\"lastVerdict\":\"moved\"}")]
    public async Task Read_async_takes_a_version_1_file_with_or_without_its_version_and_a_version_2_file(string content)
    {
        Directory.CreateDirectory(_directory);
        await File.WriteAllTextAsync(Path.Combine(_directory, LicenseStateStore.StateFileName), content);

        var read = await Store().ReadAsync(default);

        Assert.Equal(LocalStateCondition.Usable, read.Condition);
        Assert.Equal(LicenseVerdict.Moved, read.State!.LastVerdict);
    }

    [Fact]
    public void New_installation_id_is_random_not_a_fingerprint()
    {
        Assert.NotEqual(LicenseStateStore.NewInstallationId(), LicenseStateStore.NewInstallationId());
        Assert.Equal(22, LicenseStateStore.NewInstallationId().Length);
    }

    [Fact]
    public async Task Read_async_no_folder_is_missing_and_creates_nothing()
    {
        var read = await Store().ReadAsync(default);

        Assert.Equal(LocalStateCondition.Missing, read.Condition);
        Assert.False(Directory.Exists(_directory));
    }

    [Theory]
    [InlineData("", "not valid JSON")]
    [InlineData("{\"version\":1,\"installationId\":\"8_hBIpLzQv-Xj6zJ", "not valid JSON")]
    [InlineData("{\"version\":4,\"installationId\":\"8_hBIpLzQv-Xj6zJkz_adA\",\"lastOnlineCheck\":null,\"highestServerTime\":null,\"company\":null}", "unknown version")]
    [InlineData("{\"version\":1,\"installationId\":\"short\",\"lastOnlineCheck\":null,\"highestServerTime\":null,\"company\":null}", "installation id")]
    [InlineData("{\"version\":1,\"installationId\":\"8_hBIpLzQv-Xj6zJkz_adA\",\"lastOnlineCheck\":null,\"highestServerTime\":null,\"company\":null,\"extra\":1}", "not valid JSON")]
    [InlineData("{\"version\":1,\"installationId\":\"8_hBIpLzQv-Xj6zJkz_adA\",\"lastOnlineCheck\":\"yesterday\",\"highestServerTime\":null,\"company\":null}", "not valid JSON")]
    [InlineData("\u0000\u0000\u0000\u0000", "not valid JSON")]
    public async Task Read_async_corrupt_truncated_or_edited_state_is_damaged_with_a_precise_reason(string content, string reason)
    {
        Directory.CreateDirectory(_directory);
        await File.WriteAllTextAsync(Path.Combine(_directory, LicenseStateStore.StateFileName), content);

        var read = await Store().ReadAsync(default);

        Assert.Equal(LocalStateCondition.Damaged, read.Condition);
        Assert.Contains(LicenseStateStore.StateFileName, read.Problem, StringComparison.Ordinal);
        Assert.Contains(reason, read.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_async_from_many_tasks_at_once_serializes_under_the_lock()
    {
        var id = LicenseStateStore.NewInstallationId();
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await Store().UpdateAsync(_ => (new LocalLicenseState { InstallationId = id, HighestServerTime = start }, null), default);

        // Each update reads, adds one second and writes: lost updates would show as a smaller total.
        await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() => Store().UpdateAsync(
            current => (current.State! with { HighestServerTime = current.State!.HighestServerTime!.Value.AddSeconds(1) }, null), default))));

        Assert.Equal(start.AddSeconds(40), (await Store().ReadAsync(default)).State!.HighestServerTime);
    }

    [Fact]
    public async Task Child_process_killed_while_writing_leaves_a_complete_previous_or_next_state_across_many_runs()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return; // Process.Kill is SIGKILL only on Unix.
        }

        var writer = Path.Combine(AppContext.BaseDirectory, "Faktum.Licensing.Tests.StateWriter.dll");
        Assert.True(File.Exists(writer), writer);
        var random = new Random(4);
        long lastGeneration = 0;

        for (var run = 0; run < 20; run++)
        {
            using var process = Process.Start(new ProcessStartInfo("dotnet", [writer, _directory]) { RedirectStandardOutput = true, UseShellExecute = false })!;
            Assert.Equal("ready", await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)));
            await Task.Delay(random.Next(5, 60));
            process.Kill(); // SIGKILL on Unix: no finally blocks, no flushing
            await process.WaitForExitAsync();

            var read = await Store().ReadAsync(default);
            Assert.True(read.Condition == LocalStateCondition.Usable, $"run {run}: {read.Problem}");
            var generation = long.Parse(read.State!.Company!.Name["Generation ".Length..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(generation >= 1);
            Assert.StartsWith($"token-", read.Token, StringComparison.Ordinal);
            Assert.EndsWith(new string('x', 2000), read.Token, StringComparison.Ordinal);
            Assert.Equal(read.State.LastOnlineCheck, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(generation));
            lastGeneration = generation;
        }

        Assert.True(lastGeneration > 0);
    }

    private LicenseStateStore Store() => new(_directory, NullLogger.Instance);
}

