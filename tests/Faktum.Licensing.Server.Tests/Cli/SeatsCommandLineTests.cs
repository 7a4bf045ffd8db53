using System.Net;
using System.Net.Http.Json;
using Faktum.Licensing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Faktum.Licensing.Server.Tests.Cli;

/// <summary><c>admin seats</c> and <c>admin grant-move</c> (S8) against a data folder and a running server, and the admin API's refusals.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class SeatsCommandLineTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "faktum-server-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Admin_seats_sets_the_seats_and_grant_move_adds_a_move_on_the_data_folder_and_on_a_running_server()
    {
        var data = Path.Combine(_root, "data");
        await using var server = await ServerFixture.StartAsync(dataDirectory: data);
        await server.RegisterAndConfirmAsync("seats@example.nl");
        var licenseId = await server.WithDbAsync(db => db.Licenses.Select(l => l.Id).SingleAsync());

        var (setCode, set) = await RunAsync("admin", "seats", licenseId, "--set", "3", "--data-dir", data, "--json");
        var (grantCode, granted) = await RunAsync("admin", "grant-move", licenseId, "--server", server.Server.BaseAddress.ToString(), "--api-key", ServerFixture.AdminKey, "--json");
        var (badCode, _) = await RunAsync("admin", "seats", licenseId, "--set", "0", "--data-dir", data);

        Assert.Equal(0, setCode);
        Assert.Contains("\"seats\": 3", set, StringComparison.Ordinal);
        Assert.Equal(0, grantCode);
        Assert.Contains("\"extraMoves\":1", granted.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(2, badCode);
        Assert.Equal((3, 1), await server.WithDbAsync(db => db.Licenses.Select(l => new ValueTuple<int, int>(l.InstallationLimit, l.ExtraMoves)).SingleAsync()));
    }

    [Fact]
    public async Task Lowering_the_seats_below_the_installations_releases_the_least_recently_seen_and_the_api_refuses_zero_seats()
    {
        await using var server = await ServerFixture.StartAsync();
        await server.RegisterAndConfirmAsync("fewer@example.nl");
        var licenseId = await server.WithDbAsync(db => db.Licenses.Select(l => l.Id).SingleAsync());
        server.Http.DefaultRequestHeaders.Add("X-Api-Key", ServerFixture.AdminKey);
        using (var raised = await server.Http.PostAsJsonAsync($"v1/admin/licenses/{licenseId}/seats", new { seats = 2 }))
        {
            Assert.Equal(HttpStatusCode.OK, raised.StatusCode);
        }

        using (var recovery = await server.PostAsync("/v1/recoveries", new Faktum.Licensing.Protocol.RecoveryRequest("fewer@example.nl", ServerFixture.Product, "install-two-0002")))
        {
            Assert.Equal(HttpStatusCode.Accepted, recovery.StatusCode);
        }

        var second = await server.ConfirmAsync("fewer@example.nl", server.ReadOneTimePassword("fewer@example.nl", count: 2), "install-two-0002");
        await server.StartupAsync(second.License); // the second is seen; the first never checked in since its confirmation

        using var lowered = await server.Http.PostAsJsonAsync($"v1/admin/licenses/{licenseId}/seats", new { seats = 1 });
        using var zero = await server.Http.PostAsJsonAsync($"v1/admin/licenses/{licenseId}/seats", new { seats = 0 });

        Assert.Equal(HttpStatusCode.OK, lowered.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
        Assert.Equal("validation-failed", (await ServerFixture.ReadProblemAsync(zero)).GetProperty("type").GetString()!.Split(':')[^1]);
        var active = await server.WithDbAsync(db => db.Installations.Where(i => i.ReleasedAt == null).Select(i => i.InstallationId).ToListAsync());
        Assert.Equal(["install-two-0002"], active);
        Assert.Equal(0, await server.WithDbAsync(db => db.LicenseMoves.CountAsync())); // the vendor's change is not a move
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var run = await CliRun.RunAsync(args);
        return (run.Code, run.Output);
    }
}
