using Faktum.Licensing.Server.Keys;
using Faktum.Licensing.Server.Storage;
using Microsoft.Data.Sqlite;

namespace Faktum.Licensing.Server.Backup;

/// <summary>
/// <c>backup</c> and <c>restore</c> of a SQLite data folder (docs/operations.md, "Backups"). The database is copied
/// with SQLite's online backup API, which gives a consistent snapshot while the server keeps writing; the signing keys
/// and the rollout secret are copied beside it, into <c>{out}.secrets/</c>, because no issued license verifies without them.
/// </summary>
internal static class SqliteBackup
{
    public const string RolloutSecretFileName = "rollout-secret";

    public static string SecretsFolder(string backupFile) => backupFile + ".secrets";

    /// <summary>Copies the database of <paramref name="dataDirectory"/> to <paramref name="backupFile"/>, and its secrets beside it.</summary>
    public static void Create(string dataDirectory, string backupFile)
    {
        var database = Path.Combine(dataDirectory, StorageServiceCollectionExtensions.DatabaseFileName);
        if (!File.Exists(database))
        {
            throw new InvalidOperationException($"No database in '{dataDirectory}'. Pass the server's data folder with --data-dir.");
        }

        if (File.Exists(backupFile))
        {
            throw new InvalidOperationException($"'{backupFile}' exists; a backup never overwrites a file. Choose another --out.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(backupFile))!);
        using (var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString()))
        using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = backupFile, Pooling = false }.ToString()))
        {
            source.Open();
            target.Open();
            source.BackupDatabase(target);
            using var journal = target.CreateCommand();
            journal.CommandText = "PRAGMA journal_mode=DELETE;";
            journal.ExecuteNonQuery();
        }

        CopySecrets(dataDirectory, SecretsFolder(backupFile));
    }

    /// <summary>Puts <paramref name="backupFile"/> (and its secrets, when beside it) in place in <paramref name="dataDirectory"/>.</summary>
    public static void Restore(string dataDirectory, string backupFile)
    {
        if (!File.Exists(backupFile))
        {
            throw new InvalidOperationException($"No backup at '{backupFile}'.");
        }

        Directory.CreateDirectory(dataDirectory);
        using var held = ServerLock.TryAcquire(dataDirectory)
            ?? throw new InvalidOperationException($"A server runs on '{dataDirectory}' ({ServerLock.FileName} is held). Stop it, then restore.");
        var database = Path.Combine(dataDirectory, StorageServiceCollectionExtensions.DatabaseFileName);
        var incoming = database + ".restoring";
        File.Copy(backupFile, incoming, overwrite: true);
        foreach (var stale in new[] { database + "-wal", database + "-shm" })
        {
            File.Delete(stale);
        }

        File.Move(incoming, database, overwrite: true);
        var secrets = SecretsFolder(backupFile);
        if (Directory.Exists(secrets))
        {
            CopySecrets(secrets, dataDirectory);
        }
    }

    private static void CopySecrets(string from, string to)
    {
        var keys = SigningKeyRing.KeyDirectory(from);
        if (Directory.Exists(keys))
        {
            var targetKeys = SigningKeyRing.KeyDirectory(to);
            Directory.CreateDirectory(targetKeys);
            foreach (var file in Directory.GetFiles(keys))
            {
                var target = Path.Combine(targetKeys, Path.GetFileName(file));
                File.Copy(file, target, overwrite: true);
                File.SetLastWriteTimeUtc(target, File.GetLastWriteTimeUtc(file)); // the key order is by file time (SigningKeyOrder)
            }
        }

        var secret = Path.Combine(from, RolloutSecretFileName);
        if (File.Exists(secret))
        {
            Directory.CreateDirectory(to);
            File.Copy(secret, Path.Combine(to, RolloutSecretFileName), overwrite: true);
        }

        Hosting.DataFolder.Narrow(to);
    }
}
