using Npgsql;

namespace Faktum.Licensing.Server.Tests.Infrastructure;

/// <summary>
/// A database of its own on the test PostgreSQL server (see eng/postgres.sh), created for one server and dropped after,
/// so PostgreSQL tests run in parallel. A test that cannot reach the server fails; it is never skipped.
/// </summary>
internal sealed class PostgresTestDatabase : IAsyncDisposable
{
    public const string EnvironmentVariable = "FAKTUM_TEST_POSTGRES";

    private PostgresTestDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    /// <summary>Gets the connection string of this database.</summary>
    public string ConnectionString { get; }

    /// <summary>Gets the connection string of the test server's maintenance database: FAKTUM_TEST_POSTGRES, else artifacts/test-postgres.txt.</summary>
    public static string AdminConnectionString
    {
        get
        {
            if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured)
            {
                return configured;
            }

            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                var file = Path.Combine(directory.FullName, "artifacts", "test-postgres.txt");
                if (File.Exists(file))
                {
                    return File.ReadAllText(file).Trim();
                }
            }

            throw new InvalidOperationException(
                $"No PostgreSQL for the tests: run eng/postgres.sh (or eng/test.sh), or set {EnvironmentVariable} to a connection string of a role that may create databases.");
        }
    }

    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        var admin = AdminConnectionString;
        var name = "faktum_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        // Small pools: parallel test classes (and multi-instance tests) share one server's max_connections.
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 40 }.ConnectionString;
        return new PostgresTestDatabase(name, connectionString);
    }

    public async ValueTask DisposeAsync()
    {
        await using (var own = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(own);
        }

        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
