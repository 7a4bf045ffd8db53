using System.CommandLine;
using Faktum.Licensing.Server.Backup;

namespace Faktum.Licensing.Server.Cli;

/// <summary><c>backup</c> and <c>restore</c> of a SQLite data folder (PostgreSQL: pg_dump / pg_restore, docs/operations.md).</summary>
internal static class BackupCommandLine
{
    public static IEnumerable<Command> Create(Option<string> dataDir)
    {
        var output = new Option<string>("--out") { Description = "The backup file to write (never overwritten); the keys and rollout secret go to <file>.secrets/.", Required = true };
        var backup = new Command("backup", "Take a consistent copy of the SQLite database while the server runs (SQLite's online backup), with the keys and the rollout secret.") { dataDir, output };
        backup.SetAction(parse => Run(parse, () =>
        {
            var file = Path.GetFullPath(parse.GetValue(output)!);
            SqliteBackup.Create(Path.GetFullPath(parse.GetValue(dataDir)!), file);
            return CliOutput.Text(parse, $"Backed up to {file} (keys and rollout secret in {SqliteBackup.SecretsFolder(file)}).", new { file, secrets = SqliteBackup.SecretsFolder(file) });
        }));

        var from = new Option<string>("--from") { Description = "The backup file to restore (with <file>.secrets/ when it is there).", Required = true };
        var restore = new Command("restore", "Put a backup in place in the data folder; refused while a server runs on it.") { dataDir, from };
        restore.SetAction(parse => Run(parse, () =>
        {
            var data = Path.GetFullPath(parse.GetValue(dataDir)!);
            SqliteBackup.Restore(data, Path.GetFullPath(parse.GetValue(from)!));
            return CliOutput.Text(parse, $"Restored into {data}.", new { dataDir = data });
        }));
        return [backup, restore];
    }

    private static int Run(ParseResult parse, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            return CliOutput.Fail(parse, CliExitCodes.Refused, "failed", e.Message);
        }
    }
}
