using System.Net;
using Faktum.Licensing.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

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
