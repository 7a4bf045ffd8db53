using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Keys;
using Faktum.Licensing.Server.Tests.Infrastructure;
using Faktum.Licensing.Testing;

namespace Faktum.Licensing.Server.Tests.Seats;

/// <summary>
/// The move budget (S8) across two server processes on one PostgreSQL database: it is counted in the database under the account's
/// lock, so concurrent moves of one license on both instances cannot exceed it.
/// </summary>
public sealed class MoveBudgetRaceTests
{
    private const string Email = "kantoor@bakkerij-jansen.example";
    private const string Owner = "install-owner-0000";

    [Fact]
    public async Task Twenty_concurrent_moves_of_one_license_on_two_instances_let_exactly_the_budget_through()
    {
        var root = Path.Combine(Path.GetTempPath(), "faktum-server-tests", Guid.NewGuid().ToString("N"));
        await using var database = await PostgresTestDatabase.CreateAsync();
        var (key, keyFile) = SigningKeyRing.Generate(Path.Combine(root, "shared"));
        key.Dispose();
        var configuration = new Dictionary<string, string>
        {
            ["FaktumServer:Storage:Provider"] = "PostgreSql",
            ["FaktumServer:Storage:ConnectionString"] = database.ConnectionString,
            ["FaktumServer:SigningKeyFiles:0"] = keyFile,
            ["FaktumServer:AdminApiKey"] = ServerFixture.AdminKey,
            ["FaktumServer:RateLimits:PermitsPerAddress"] = "100000",
            ["FaktumServer:RateLimits:PermitsPerEmail"] = "100000",
            ["FaktumServer:RateLimits:InstallationPermitsPerAddress"] = "100000",

            // Mail leaves from the instance that took the request (its signal), not from the other's poll: one pickup folder to read.
            ["FaktumServer:Email:Outbox:PollInterval"] = "00:30:00",
        };

        ServerProcess? a = null;
        ServerProcess? b = null;
        try
        {
            a = await ServerProcess.StartAsync(Path.Combine(root, "a"), configuration);
            b = await ServerProcess.StartAsync(Path.Combine(root, "b"), configuration);

            // One license with 25 seats, held by the owner's PC and 20 more, set up on instance a.
            using var registered = await PostAsync(a, "/v1/registrations", ServerFixture.Registration(Email, installationId: Owner));
            Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
            var owner = await ConfirmAsync(a, Owner, count: 1);
            var licenseId = LicenseId(owner);
            a.Http.DefaultRequestHeaders.Add("X-Api-Key", ServerFixture.AdminKey);
            using (var seats = await a.Http.PostAsJsonAsync(new Uri($"v1/admin/licenses/{licenseId}/seats", UriKind.Relative), new { seats = 25 }))
            {
                Assert.Equal(HttpStatusCode.OK, seats.StatusCode);
            }

            for (var i = 1; i <= 20; i++)
            {
                var installation = $"install-pc-{i:D4}";
                using var recovery = await PostAsync(a, "/v1/recoveries", new RecoveryRequest(Email, ServerFixture.Product, installation));
                Assert.Equal(HttpStatusCode.Accepted, recovery.StatusCode);
                await ConfirmAsync(a, installation, count: i + 1);
            }

            var listed = await ListAsync(a, owner);
            Assert.Equal(21, listed.Installations.Count);
            Assert.Equal(3, listed.MovesLeft);

            // 20 releases at once, each of another PC, alternating between the instances: each is a move.
            ServerProcess[] servers = [a, b];
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var others = listed.Installations.Where(i => !i.Current).ToList();
            var releases = others.Select((installation, i) => Task.Run(async () =>
            {
                await gate.Task;
                using var request = new HttpRequestMessage(HttpMethod.Post, $"v1/installations/{installation.Id}/release");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", owner);
                using var response = await servers[i % 2].Http.SendAsync(request);
                return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
            })).ToList();
            gate.SetResult();
            var released = await Task.WhenAll(releases);

            Assert.DoesNotContain(released, r => (int)r.StatusCode >= 500);
            Assert.Equal(3, released.Count(r => r.StatusCode == HttpStatusCode.NoContent));
            Assert.Equal(17, released.Count(r => r.StatusCode == HttpStatusCode.Conflict && r.Body.Contains(ProblemTypes.MoveBudgetExhausted, StringComparison.Ordinal)));
            var after = await ListAsync(b, owner);
            Assert.Equal(18, after.Installations.Count);
            Assert.Equal(0, after.MovesLeft);
            Assert.NotNull(after.NextMoveAt);
        }
        catch (Exception exception) when (a is not null || b is not null)
        {
            throw new Xunit.Sdk.XunitException($"{exception.Message}{Environment.NewLine}--- a ---{Environment.NewLine}{a?.Output}{Environment.NewLine}--- b ---{Environment.NewLine}{b?.Output}{Environment.NewLine}{exception}");
        }
        finally
        {
            if (a is not null)
            {
                await a.DisposeAsync();
            }

            if (b is not null)
            {
                await b.DisposeAsync();
            }

            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static Task<HttpResponseMessage> PostAsync<T>(ServerProcess server, string path, T body) =>
        server.Http.PostAsync(new Uri(path.TrimStart('/'), UriKind.Relative), JsonContent.Create(body, options: ServerFixture.Json));

    /// <summary>Confirms <paramref name="installation"/> with the password of the <paramref name="count"/>-th mail; returns its license token.</summary>
    private static async Task<string> ConfirmAsync(ServerProcess server, string installation, int count)
    {
        var password = ServerFixture.ExtractPassword(PickupFolder.WaitForMessagesTo(server.PickupDirectory, Email, count)[^1]);
        using var response = await PostAsync(server, "/v1/confirmations", new ConfirmationRequest(Email, password, installation, ServerFixture.Product));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<LicenseResponse>(ServerFixture.Json))!.License;
    }

    private static async Task<InstallationListResponse> ListAsync(ServerProcess server, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "v1/installations");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await server.Http.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<InstallationListResponse>(ServerFixture.Json))!;
    }

    /// <summary>The license id: the token's <c>sub</c>.</summary>
    private static string LicenseId(string token)
    {
        using var json = System.Text.Json.JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(token.Split('.')[1]));
        return json.RootElement.GetProperty("sub").GetString()!;
    }
}
