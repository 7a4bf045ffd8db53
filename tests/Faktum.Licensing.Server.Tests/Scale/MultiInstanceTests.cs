using System.Net;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Keys;
using Faktum.Licensing.Server.Tests.Infrastructure;
using MimeKit;

namespace Faktum.Licensing.Server.Tests.Scale;

/// <summary>
/// Two server processes on one PostgreSQL database and one signing key file, nothing else shared: invariants I1 and
/// I5 (single use) must hold across them.
/// </summary>
public sealed class MultiInstanceTests
{
    private static readonly string[] NameVariants = ["Bakkerij Jansen B.V.", "bakkerij  jansen bv", "BAKKERIJ JANSEN B.V.", "Bakkerij Jansen BV", " Bakkerij   Jansen  b.v. "];

    private static readonly string[] PostcodeVariants = ["1234 AB", "1234ab", "1234AB", " 1234  ab "];

    [Fact]
    public async Task Two_instances_on_one_PostgreSql_database_give_one_license_per_company_and_a_one_time_password_works_once()
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
            ["FaktumServer:RateLimits:PermitsPerAddress"] = "100000",
            ["FaktumServer:RateLimits:PermitsPerEmail"] = "100000",

            // Both instances' mail dispatchers look at the shared outbox all the time: they compete for every mail.
            ["FaktumServer:Email:Outbox:PollInterval"] = "00:00:00.02",
        };

        ServerProcess? first = null;
        ServerProcess? second = null;
        try
        {
            // Started together: both migrate the empty database at once (EF Core's migration lock decides).
            var startA = ServerProcess.StartAsync(Path.Combine(root, "a"), configuration);
            var startB = ServerProcess.StartAsync(Path.Combine(root, "b"), configuration);
            await Task.WhenAll(startA, startB).ContinueWith(_ => { }, TaskScheduler.Default);
            first = startA.IsCompletedSuccessfully ? await startA : null;
            second = startB.IsCompletedSuccessfully ? await startB : null;
            await Task.WhenAll(startA, startB); // throws the start failure, if any

            ServerProcess[] servers = [first!, second!];

            // 100 registrations of one company (name and postcode variants, distinct e-mail addresses), split across both.
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var registrations = Enumerable.Range(0, 100).Select(i => Task.Run(async () =>
            {
                await gate.Task;
                var body = ServerFixture.Registration($"owner{i}@example.nl", NameVariants[i % NameVariants.Length], PostcodeVariants[i % PostcodeVariants.Length], $"install-{i:D4}-abcd");
                using var response = await PostAsync(servers[i % 2], "/v1/registrations", body);
                return (Index: i, response.StatusCode, Body: await response.Content.ReadAsStringAsync());
            })).ToList();
            gate.SetResult();
            var registered = await Task.WhenAll(registrations);

            Assert.DoesNotContain(registered, r => (int)r.StatusCode >= 500);
            var winner = Assert.Single(registered, r => r.StatusCode == HttpStatusCode.Accepted);
            Assert.Equal(99, registered.Count(r => r.StatusCode == HttpStatusCode.Conflict));
            Assert.All(registered.Where(r => r.StatusCode == HttpStatusCode.Conflict), r => Assert.Contains("company-already-registered", r.Body, StringComparison.Ordinal));

            // 20 confirmations with the one one-time password from the installation that registered (only it can confirm: F5),
            // split across both: exactly one succeeds.
            var email = $"owner{winner.Index}@example.nl";
            var password = ServerFixture.ExtractPassword(WaitForMail(servers, email));
            var confirmGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var confirmations = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
            {
                await confirmGate.Task;
                using var response = await PostAsync(servers[i % 2], "/v1/confirmations", new ConfirmationRequest(email, password, $"install-{winner.Index:D4}-abcd", ServerFixture.Product));
                return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
            })).ToList();
            confirmGate.SetResult();
            var confirmed = await Task.WhenAll(confirmations);

            Assert.DoesNotContain(confirmed, r => (int)r.StatusCode >= 500);
            Assert.Single(confirmed, r => r.StatusCode == HttpStatusCode.OK);
            Assert.Equal(19, confirmed.Count(r => r.StatusCode == HttpStatusCode.BadRequest));

            // The run's one mail was sent by one of the two competing instances, once.
            Assert.Single(servers.Where(s => Directory.Exists(s.PickupDirectory)).SelectMany(s => Directory.GetFiles(s.PickupDirectory, "*.eml")));
        }
        catch (Exception exception) when (first is not null || second is not null)
        {
            throw new Xunit.Sdk.XunitException($"{exception.Message}{Environment.NewLine}--- instance a ---{Environment.NewLine}{first?.Output}{Environment.NewLine}--- instance b ---{Environment.NewLine}{second?.Output}{Environment.NewLine}{exception}");
        }
        finally
        {
            // The child processes die here, pass or fail.
            if (first is not null)
            {
                await first.DisposeAsync();
            }

            if (second is not null)
            {
                await second.DisposeAsync();
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
        server.Http.PostAsync(new Uri(path.TrimStart('/'), UriKind.Relative), System.Net.Http.Json.JsonContent.Create(body, options: ServerFixture.Json));

    /// <summary>Either instance may have sent it: look in both pickup folders.</summary>
    private static MimeMessage WaitForMail(ServerProcess[] servers, string email)
    {
        var deadline = Environment.TickCount64 + 15_000;
        while (true)
        {
            var message = servers
                .Where(s => Directory.Exists(s.PickupDirectory))
                .SelectMany(s => Directory.GetFiles(s.PickupDirectory, "*.eml"))
                .Select(f => MimeMessage.Load(f))
                .FirstOrDefault(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, email, StringComparison.OrdinalIgnoreCase)));
            if (message is not null || Environment.TickCount64 > deadline)
            {
                return message ?? throw new TimeoutException($"No mail to {email} in either pickup folder.");
            }

            Thread.Sleep(50);
        }
    }
}
