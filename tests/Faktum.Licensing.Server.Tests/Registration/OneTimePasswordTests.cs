using System.Net;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Storage;
using Faktum.Licensing.Server.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Faktum.Licensing.Server.Tests.Registration;

public sealed class OneTimePasswordTests
{
    private const string Email = "guess@example.nl";

    [Theory]
    [BothStorageProviders]
    public async Task After_five_wrong_guesses_even_the_right_password_is_refused_with_too_many_attempts(StorageProvider provider)
    {
        await using var server = await ServerFixture.StartAsync(provider: provider);
        using var registered = await server.PostAsync("/v1/registrations", ServerFixture.Registration(Email));
        var password = server.ReadOneTimePassword(Email);
        var wrong = password.StartsWith('2') ? "33333-33333" : "22222-22222";

        for (var i = 0; i < 5; i++)
        {
            var problem = await ConfirmProblemAsync(server, wrong);
            Assert.Equal(ProblemTypes.OneTimePasswordInvalid, problem);
        }

        Assert.Equal(ProblemTypes.TooManyAttempts, await ConfirmProblemAsync(server, password));
    }

    [Theory]
    [BothStorageProviders]
    public async Task An_expired_password_is_refused(StorageProvider provider)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
        await using var server = await ServerFixture.StartAsync(time, provider: provider);
        using var registered = await server.PostAsync("/v1/registrations", ServerFixture.Registration(Email));
        var password = server.ReadOneTimePassword(Email);

        time.Advance(TimeSpan.FromMinutes(30));

        Assert.Equal(ProblemTypes.OneTimePasswordInvalid, await ConfirmProblemAsync(server, password));
    }

    [Theory]
    [BothStorageProviders]
    public async Task A_password_works_once(StorageProvider provider)
    {
        await using var server = await ServerFixture.StartAsync(provider: provider);
        using var registered = await server.PostAsync("/v1/registrations", ServerFixture.Registration(Email));
        var password = server.ReadOneTimePassword(Email);
        await server.ConfirmAsync(Email, password, "install-one-0001");

        Assert.Equal(ProblemTypes.OneTimePasswordInvalid, await ConfirmProblemAsync(server, password));
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_generic_problem()
    {
        await using var server = await ServerFixture.StartAsync();
        Assert.Equal(ProblemTypes.OneTimePasswordInvalid, await ConfirmProblemAsync(server, "ABCDE-FGHJK", "stranger@example.nl"));
    }

    [Fact]
    public async Task Only_the_hash_of_the_password_is_stored_once_its_mail_is_sent()
    {
        await using var server = await ServerFixture.StartAsync();
        using var registered = await server.PostAsync("/v1/registrations", ServerFixture.Registration(Email));
        var password = server.ReadOneTimePassword(Email);
        var compact = password.Replace("-", "", StringComparison.Ordinal);

        // The outbox held the mail (with the password) until it was sent; then its body is deleted, zeroed in the file
        // (secure_delete) and the write-ahead log is emptied. Wait for that, then look at the raw files.
        await ServerFixture.WaitUntilAsync(async () =>
        {
            var all = await ReadDatabaseFilesAsync(server);
            return !all.Contains(compact, StringComparison.Ordinal) && !all.Contains(password, StringComparison.Ordinal);
        }, "the password to be gone from the database files");

        var stored = await server.WithDbAsync(db => Task.FromResult(db.OneTimePasswords.Single()));
        Assert.Equal(16, stored.Salt.Length);
        Assert.Equal(32, stored.Hash.Length);
        var mail = await server.WithDbAsync(db => Task.FromResult(db.OutboxMessages.Single()));
        Assert.Equal(OutboxMessageStatus.Sent, mail.Status);
        Assert.Null(mail.Content);
    }

    private static async Task<string> ReadDatabaseFilesAsync(ServerFixture server)
    {
        var database = await ReadSharedAsync(Path.Combine(server.Server.DataDirectory, "faktum-licensing.db"));
        var wal = Path.Combine(server.Server.DataDirectory, "faktum-licensing.db-wal");
        return System.Text.Encoding.Latin1.GetString(database) + (File.Exists(wal) ? System.Text.Encoding.Latin1.GetString(await ReadSharedAsync(wal)) : "");
    }

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private static async Task<string?> ConfirmProblemAsync(ServerFixture server, string password, string email = Email)
    {
        using var response = await server.PostAsync("/v1/confirmations", new ConfirmationRequest(email, password, "install-one-0001", ServerFixture.Product));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ServerFixture.ReadProblemAsync(response);
        return problem.GetProperty("type").GetString();
    }
}

public sealed class OneTimePasswordConcurrencyTests
{
    [Theory]
    [BothStorageProviders]
    public async Task Parallel_wrong_guesses_cannot_exceed_the_attempt_budget(StorageProvider provider)
    {
        await using var server = await ServerFixture.StartAsync(provider: provider);
        using var registered = await server.PostAsync("/v1/registrations", ServerFixture.Registration("parallel@example.nl"));
        var password = server.ReadOneTimePassword("parallel@example.nl");
        var wrong = password.StartsWith('2') ? "33333-33333" : "22222-22222";

        var guesses = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var response = await server.PostAsync("/v1/confirmations", new ConfirmationRequest("parallel@example.nl", wrong, "install-one-0001", ServerFixture.Product));
            return (await ServerFixture.ReadProblemAsync(response)).GetProperty("type").GetString();
        }));

        Assert.True(guesses.Count(t => t == ProblemTypes.OneTimePasswordInvalid) <= 5);
        using var right = await server.PostAsync("/v1/confirmations", new ConfirmationRequest("parallel@example.nl", password, "install-one-0001", ServerFixture.Product));
        Assert.Equal(ProblemTypes.TooManyAttempts, (await ServerFixture.ReadProblemAsync(right)).GetProperty("type").GetString());
    }
}
