using System.Collections.Concurrent;
using System.Net;
using Faktum.Licensing.Server.Cli;
using Faktum.Licensing.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Faktum.Licensing.Server.Tests.Backup;

public sealed class BackupTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "faktum-backup-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_backup_taken_during_a_burst_of_registrations_is_intact_and_holds_every_registration_committed_before_it_started()
    {
        var data = Path.Combine(_root, "data");
        var backupFile = Path.Combine(_root, "backups", "faktum.db");
        await using var server = await ServerFixture.StartAsync(dataDirectory: data);
        var committed = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();

        async Task RegisterAsync(int worker)
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var email = $"burst-{worker}-{i}@example.nl";
                using var response = await server.PostAsync("/v1/registrations", ServerFixture.Registration(email, $"Bakkerij Burst {worker}-{i} B.V.", "1234 AB", $"install-burst-{worker}-{i:D4}"));
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
                committed.Add(email);
            }
        }

        var workers = Enumerable.Range(0, 4).Select(w => Task.Run(() => RegisterAsync(w))).ToList();
        await ServerFixture.WaitUntilAsync(() => Task.FromResult(committed.Count >= 40), "40 registrations");
        var before = committed.ToHashSet(StringComparer.Ordinal);
        var code = await ServerCommandLine.InvokeAsync(["backup", "--data-dir", data, "--out", backupFile]);
        await ServerFixture.WaitUntilAsync(() => Task.FromResult(committed.Count >= before.Count + 10), "registrations after the backup");
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        Assert.Equal(0, code);
        Assert.True(File.Exists(Path.Combine(SqliteBackupSecrets(backupFile), "keys", Path.GetFileName(Directory.GetFiles(Path.Combine(data, "keys"))[0]))));
        Assert.True(File.Exists(Path.Combine(SqliteBackupSecrets(backupFile), "rollout-secret")));

        var restored = Path.Combine(_root, "restored");
        Assert.Equal(0, await ServerCommandLine.InvokeAsync(["restore", "--data-dir", restored, "--from", backupFile]));
        var database = Path.Combine(restored, "faktum-licensing.db");
        using (var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False"))
        {
            connection.Open();
            using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check;";
            Assert.Equal("ok", check.ExecuteScalar() as string);
            using var emails = connection.CreateCommand();
            emails.CommandText = "SELECT Email FROM Accounts;";
            var stored = new HashSet<string>(StringComparer.Ordinal);
            using (var reader = emails.ExecuteReader())
            {
                while (reader.Read())
                {
                    stored.Add(reader.GetString(0));
                }
            }

            Assert.Empty(before.Except(stored));
        }

        // The restored folder runs: same keys, same data.
        await using var again = await ServerFixture.StartAsync(dataDirectory: restored);
        Assert.Equal(server.Server.PublicKeys[0].KeyId, again.Server.PublicKeys[0].KeyId);
        Assert.Equal("Healthy", await again.Http.GetStringAsync("/health/ready"));
    }

    [Fact]
    public async Task Restore_is_refused_while_a_server_runs_on_the_data_folder()
    {
        var data = Path.Combine(_root, "data");
        var backupFile = Path.Combine(_root, "faktum.db");
        await using var server = await ServerFixture.StartAsync(dataDirectory: data);
        await server.RegisterAndConfirmAsync("backup-refused@example.nl");
        Assert.Equal(0, await ServerCommandLine.InvokeAsync(["backup", "--data-dir", data, "--out", backupFile]));

        Assert.Equal(1, await ServerCommandLine.InvokeAsync(["restore", "--data-dir", data, "--from", backupFile]));
        Assert.Equal(1, await ServerCommandLine.InvokeAsync(["backup", "--data-dir", data, "--out", backupFile])); // never overwrites
        Assert.Equal("Healthy", await server.Http.GetStringAsync("/health/ready"));
    }

    private static string SqliteBackupSecrets(string backupFile) => backupFile + ".secrets";

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
