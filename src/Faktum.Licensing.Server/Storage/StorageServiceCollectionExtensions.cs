using System.Reflection;
using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Storage.PostgreSql;
using Faktum.Licensing.Server.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Faktum.Licensing.Server.Storage;

/// <summary>
/// The one place that knows the database providers: which context and connection to use, how the schema is migrated
/// at start, and how each provider reports a unique-constraint violation. Everything else sees <see cref="LicensingDbContext"/>.
/// </summary>
internal static partial class StorageServiceCollectionExtensions
{
    public const string DatabaseFileName = "faktum-licensing.db";

    // An arbitrary, fixed key for pg_advisory_lock: "FAKTUM" in ASCII.
    private const long MigrationLockId = 0x46414B54554D;

    /// <summary>
    /// Registers <see cref="LicensingDbContext"/> on the configured provider, pooled: a request rents a context that was
    /// reset, instead of building its internal services anew (measured in the startup-check load test).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="storage">The <c>FaktumServer:Storage</c> section.</param>
    /// <param name="dataDirectory">The full path of the data folder (the SQLite file's home).</param>
    public static IServiceCollection AddStorage(this IServiceCollection services, StorageOptions storage, string dataDirectory)
    {
        switch (storage.Provider)
        {
            case StorageProvider.PostgreSql:
                // Checked when the context is first made: after options validation, which says how to fix a missing one.
                services.AddDbContextPool<LicensingDbContext, PostgreSqlLicensingDbContext>(options => options.UseNpgsql(PostgreSqlConnectionString(storage.ConnectionString
                    ?? throw new InvalidOperationException("FaktumServer:Storage:ConnectionString is required for PostgreSql."))));
                break;
            default:
                var sqlite = SqliteConnectionString(storage.ConnectionString, dataDirectory);
                services.AddDbContextPool<LicensingDbContext, SqliteLicensingDbContext>(options => options.UseSqlite(sqlite).AddInterceptors(SqliteLicensingDbContext.SecureDeleteInterceptor.Instance));
                break;
        }

        return services;
    }

    /// <summary>
    /// The PostgreSQL connection string: the configured one, with two defaults where it sets nothing itself. Statements
    /// run often are prepared on the server (<c>Max Auto Prepare</c>), and a pooled connection is not reset with
    /// <c>DISCARD ALL</c> when it is returned (<c>No Reset On Close</c>): the server changes no session state, and the
    /// one connection that does (the migration lock) is not pooled. Together they halved the startup check's latency.
    /// </summary>
    public static string PostgreSqlConnectionString(string configured)
    {
        var builder = new NpgsqlConnectionStringBuilder(configured);
        if (!Mentions(configured, "Max Auto Prepare"))
        {
            builder.MaxAutoPrepare = 32;
            if (!Mentions(configured, "Auto Prepare Min Usages"))
            {
                builder.AutoPrepareMinUsages = 2;
            }
        }

        if (!Mentions(configured, "No Reset On Close"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;

        // Npgsql reads a keyword with or without its spaces, in any case.
        static bool Mentions(string connectionString, string keyword) =>
            new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
                .Any(key => string.Equals(key.Replace(" ", string.Empty, StringComparison.Ordinal), keyword.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The SQLite connection string: the configured one (a relative file resolved in the data folder) or the default file.</summary>
    public static string SqliteConnectionString(string? configured, string dataDirectory)
    {
        var builder = configured is null
            ? new SqliteConnectionStringBuilder
            {
                DataSource = DatabaseFileName,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Cache = SqliteCacheMode.Private,
                Pooling = true,
                DefaultTimeout = 30, // seconds; Microsoft.Data.Sqlite retries SQLITE_BUSY until then
            }
            : new SqliteConnectionStringBuilder(configured);
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && !Path.IsPathRooted(file))
        {
            builder.DataSource = Path.Combine(dataDirectory, file);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Applies the provider's pending migrations (EF Core takes a migration lock, so instances that start together
    /// migrate once), then switches SQLite to WAL so readers never block the writer.
    /// </summary>
    public static async Task InitializeStorageAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        var scope = services.CreateAsyncScope();
        await using var disposeScope = scope.ConfigureAwait(false);
        var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
        var logger = scope.ServiceProvider.GetService<ILoggerFactory>()?.CreateLogger("Faktum.Licensing.Server.Storage");

        // Instances that start together on one PostgreSQL database migrate one at a time: a session advisory lock held
        // on its own connection around the whole migration (EF Core's own lock did not stop two instances both applying
        // a later migration). The others wait, then find nothing pending.
        NpgsqlConnection? migrationLock = null;
        if (db.Database.IsNpgsql())
        {
            // Not pooled: a session lock must never outlive this connection (pooled ones are not reset on close).
            migrationLock = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false }.ConnectionString);
            await migrationLock.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(migrationLock, $"SELECT pg_advisory_lock({MigrationLockId})", cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await MigrateAsync(db, logger, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (migrationLock is not null)
            {
                await ExecuteAsync(migrationLock, $"SELECT pg_advisory_unlock({MigrationLockId})", CancellationToken.None).ConfigureAwait(false);
                await migrationLock.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(sql, connection);
        await using (command.ConfigureAwait(false))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task MigrateAsync(LicensingDbContext db, ILogger? logger, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            await BaselineEnsureCreatedDatabaseAsync(db, cancellationToken).ConfigureAwait(false);
        }

        // Asking for applied migrations before the history table exists makes EF Core log a failed command: look first.
        var history = db.GetService<IHistoryRepository>();
        var before = await history.ExistsAsync(cancellationToken).ConfigureAwait(false)
            ? (await db.Database.GetAppliedMigrationsAsync(cancellationToken).ConfigureAwait(false)).Count()
            : 0;
        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        var after = (await db.Database.GetAppliedMigrationsAsync(cancellationToken).ConfigureAwait(false)).Count();
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }

        if (logger is not null)
        {
            Log.StorageReady(logger, db.Database.ProviderName ?? "unknown", after - before);
        }
    }

    /// <summary>Whether the failure is a unique-constraint violation (how invariant I1 surfaces), on any provider.</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) => exception?.InnerException switch
    {
        SqliteException sqlite => sqlite is { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 }, // SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation, // 23505
        _ => false,
    };

    /// <summary>
    /// A SQLite database made by an earlier version with <c>EnsureCreated</c> has the initial schema but no migrations
    /// history: record the initial migration as applied, so that migrating starts from there.
    /// </summary>
    private static async Task BaselineEnsureCreatedDatabaseAsync(LicensingDbContext db, CancellationToken cancellationToken)
    {
        var history = db.GetService<IHistoryRepository>();
        if (await history.ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var tables = await db.Database
            .SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = 'Accounts'")
            .SingleAsync(cancellationToken).ConfigureAwait(false);
        if (tables == 0)
        {
            return;
        }

        var initial = db.Database.GetMigrations().First();
        var version = typeof(DbContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "10.0.0";
        await db.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), cancellationToken).ConfigureAwait(false);
        await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(initial, version)), cancellationToken).ConfigureAwait(false);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 110, EventName = "StorageReady", Level = LogLevel.Information, Message = "Storage ready on {Provider}; applied {MigrationCount} migration(s)")]
        public static partial void StorageReady(ILogger logger, string provider, int migrationCount);
    }
}
