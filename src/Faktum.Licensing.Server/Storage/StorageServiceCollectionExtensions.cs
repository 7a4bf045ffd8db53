using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Faktum.Licensing.Server.Storage;

/// <summary>The one place that knows the database provider.</summary>
internal static class StorageServiceCollectionExtensions
{
    public const string DatabaseFileName = "faktum-licensing.db";

    /// <summary>Registers <see cref="LicensingDbContext"/> on a SQLite file in <paramref name="dataDirectory"/>.</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, string dataDirectory)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, DatabaseFileName),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30, // seconds; Microsoft.Data.Sqlite retries SQLITE_BUSY until then
        }.ToString();
        services.AddDbContext<LicensingDbContext>(options => options.UseSqlite(connectionString));
        return services;
    }

    /// <summary>Creates the schema when it is missing and switches SQLite to WAL, so readers never block the writer.</summary>
    public static async Task InitializeStorageAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        var scope = services.CreateAsyncScope();
        await using var disposeScope = scope.ConfigureAwait(false);
        var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
        await db.Database.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Whether the failure is a unique-constraint violation (how invariant I1 surfaces).</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 }; // SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY
}
