using System.Text.Json;
using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Keys;
using Faktum.Licensing.Server.Tests.Infrastructure;

namespace Faktum.Licensing.Server.Tests.Copies;

/// <summary>
/// Copy detection under concurrency: every decision is one conditional write, so instances never issue one generation twice
/// nor lose a decision. On PostgreSQL two server instances share the database; on SQLite one instance serves all.
/// </summary>
public sealed class CopyDetectionConcurrencyTests
{
    [Theory]
    [BothStorageProviders]
    public async Task Twenty_concurrent_starts_with_one_token_get_twenty_distinct_generations_and_the_instances_agree_on_the_copy(StorageProvider provider)
    {
        var root = Path.Combine(Path.GetTempPath(), "faktum-server-tests", Guid.NewGuid().ToString("N"));
        var (key, keyFile) = SigningKeyRing.Generate(Path.Combine(root, "shared"));
        key.Dispose();
        await using var database = provider == StorageProvider.PostgreSql ? await PostgresTestDatabase.CreateAsync() : null;
        void Configure(IDictionary<string, string?> c)
        {
            c["FaktumServer:SigningKeyFiles:0"] = keyFile;
            if (database is not null)
            {
                c["FaktumServer:Storage:Provider"] = nameof(StorageProvider.PostgreSql);
                c["FaktumServer:Storage:ConnectionString"] = database.ConnectionString;
            }
        }

        await using var first = await ServerFixture.StartAsync(configure: Configure);
        await using var second = database is null ? null : await ServerFixture.StartAsync(configure: Configure);
        ServerFixture[] servers = second is null ? [first] : [first, second];
        var confirmed = await first.RegisterAndConfirmAsync("jan@bakkerij-jansen.nl");
        var issuedAtConfirmation = (await first.ValidateLicenseAsync(confirmed.License)).EnsureSuccess().Generation;

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var starts = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            await gate.Task;
            return await servers[i % servers.Length].StartupAsync(confirmed.License, $"bm9uY2Utbm9uY2Utbm9uY2U{i:D2}");
        })).ToList();
        gate.SetResult();
        var answers = await Task.WhenAll(starts);

        Assert.All(answers, a => Assert.Equal("trial", a.GetProperty("verdict").GetString()));
        var tokens = new List<(long Generation, string Token)>();
        foreach (var answer in answers)
        {
            var token = answer.GetProperty("license").GetString()!;
            tokens.Add(((await first.ValidateLicenseAsync(token)).EnsureSuccess().Generation, token));
        }

        Assert.Equal(Enumerable.Range(1, 20).Select(i => issuedAtConfirmation + i), tokens.Select(t => t.Generation).Order());

        // The app kept one of the crossed answers (any); the line goes on from it, on either instance.
        var kept = tokens.MinBy(t => t.Generation);
        var next = await servers[^1].StartupAsync(kept.Token);
        Assert.Equal("trial", next.GetProperty("verdict").GetString());

        // Another of those answers, presented after that, can only be held by a second line: both instances say duplicated.
        var other = tokens.MaxBy(t => t.Generation);
        var copy = await servers[0].StartupAsync(other.Token);
        Assert.Equal("duplicated", copy.GetProperty("verdict").GetString());
        Assert.False(copy.TryGetProperty("license", out _)); // no refreshed token for a copy
        Assert.Equal(JsonValueKind.Object, copy.GetProperty("company").ValueKind);
        Assert.Equal("duplicated", (await servers[^1].StartupAsync(next.GetProperty("license").GetString()!)).GetProperty("verdict").GetString());
    }
}
