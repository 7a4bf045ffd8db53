using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Faktum.Licensing.Server.Storage.Sqlite;

/// <summary>The SQLite flavour of <see cref="LicensingDbContext"/>; it owns the migrations in this folder.</summary>
internal sealed class SqliteLicensingDbContext(DbContextOptions<SqliteLicensingDbContext> options) : LicensingDbContext(options)
{
    /// <summary>Empties the write-ahead log (a <c>TRUNCATE</c> checkpoint); false when readers or writers kept it from finishing.</summary>
    public override async Task<bool> FlushDeletedContentAsync(CancellationToken cancellationToken)
    {
        await Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var command = Database.GetDbConnection().CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    // One row: busy (1 when it could not finish), frames in the log, frames checkpointed.
                    return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && reader.GetInt32(0) == 0;
                }
            }
        }
        finally
        {
            await Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Turns on <c>PRAGMA secure_delete</c> for every connection (it is a per-connection setting): SQLite then overwrites
    /// deleted content with zeros, so a mail body set to NULL once sent does not linger in free space of the file.
    /// Registered with the context's options (a pooled context cannot add it in <c>OnConfiguring</c>); it runs once per
    /// native connection, which Microsoft.Data.Sqlite's pool keeps, not at every open.
    /// </summary>
    internal sealed class SecureDeleteInterceptor : DbConnectionInterceptor
    {
        public static readonly SecureDeleteInterceptor Instance = new();

        private const string Pragma = "PRAGMA secure_delete = ON;";

        private readonly ConditionalWeakTable<object, object> _done = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            if (FirstOpen(connection))
            {
                using var command = connection.CreateCommand();
                command.CommandText = Pragma;
                command.ExecuteNonQuery();
            }
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (FirstOpen(connection))
            {
                var command = connection.CreateCommand();
                await using (command.ConfigureAwait(false))
                {
                    command.CommandText = Pragma;
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }

        // The native handle outlives the SqliteConnection that is returned to the pool; a setting made on it stays.
        private bool FirstOpen(DbConnection connection)
        {
            object key = connection is SqliteConnection { Handle: { } handle } ? handle : connection;
            return _done.TryAdd(key, key);
        }
    }
}
