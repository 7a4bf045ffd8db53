using System.Net;
using Faktum.Licensing.Server.Tests.Infrastructure;
using Faktum.Licensing.Server.Configuration;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Faktum.Licensing.Server.Tests.Health;

public sealed class ReadinessTests
{
    [Fact]
    public async Task Liveness_and_readiness_answer_healthy_on_a_running_server()
    {
        await using var server = await ServerFixture.StartAsync();

        Assert.Equal("Healthy", await server.Http.GetStringAsync("/health/live"));
        Assert.Equal("Healthy", await server.Http.GetStringAsync("/health/ready"));
        Assert.Equal("Healthy", await server.Http.GetStringAsync("/health"));
    }

    [Fact]
    public async Task Readiness_fails_while_the_database_is_gone_and_recovers_when_it_is_back()
    {
        await using var server = await ServerFixture.StartAsync();
        var database = Path.Combine(server.Server.DataDirectory, "faktum-licensing.db");
        var aside = Path.Combine(server.Root, "aside");
        Directory.CreateDirectory(aside);
        Assert.Equal(HttpStatusCode.OK, await ReadyAsync(server));

        Move(database, aside, toAside: true);
        try
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, await ReadyAsync(server));
            using var live = await server.Http.GetAsync("/health/live");
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }
        finally
        {
            Move(database, aside, toAside: false);
        }

        Assert.Equal(HttpStatusCode.OK, await ReadyAsync(server));
    }

    [Fact]
    public async Task Readiness_fails_while_the_postgresql_database_refuses_connections_and_recovers_when_it_accepts_them_again()
    {
        await using var server = await ServerFixture.StartAsync(provider: StorageProvider.PostgreSql);
        var name = await server.WithDbAsync(db => Task.FromResult(db.Database.GetDbConnection().Database));
        Assert.Equal(HttpStatusCode.OK, await ReadyAsync(server));

        await AdminSqlAsync($"ALTER DATABASE \"{name}\" WITH ALLOW_CONNECTIONS false", $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'");
        try
        {
            NpgsqlConnection.ClearAllPools();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, await ReadyAsync(server));
        }
        finally
        {
            await AdminSqlAsync($"ALTER DATABASE \"{name}\" WITH ALLOW_CONNECTIONS true");
            NpgsqlConnection.ClearAllPools();
        }

        await ServerFixture.WaitUntilAsync(async () => await ReadyAsync(server) == HttpStatusCode.OK, "readiness to recover");
    }

    private static async Task AdminSqlAsync(params string[] statements)
    {
        await using var connection = new NpgsqlConnection(PostgresTestDatabase.AdminConnectionString);
        await connection.OpenAsync();
        foreach (var statement in statements)
        {
            await using var command = new NpgsqlCommand(statement, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task<HttpStatusCode> ReadyAsync(ServerFixture server)
    {
        using var response = await server.Http.GetAsync("/health/ready");
        return response.StatusCode;
    }

    /// <summary>Moves the database (with its -wal and -shm files) aside or back; pooled connections are closed first.</summary>
    private static void Move(string database, string aside, bool toAside)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            var live = database + suffix;
            var parked = Path.Combine(aside, Path.GetFileName(live));
            if (toAside)
            {
                if (File.Exists(live))
                {
                    File.Move(live, parked);
                }
            }
            else
            {
                // SQLite may have created an empty file while the database was gone.
                File.Delete(live);
                if (File.Exists(parked))
                {
                    File.Move(parked, live);
                }
            }
        }
    }
}
