using System.Net;
using System.Net.Http.Json;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Tests.Infrastructure;

namespace Faktum.Licensing.Server.Tests.Registration;

public sealed class IdempotencyTests
{
    [Theory]
    [BothStorageProviders]
    public async Task The_same_key_and_body_twice_create_one_account_and_replay_the_response(StorageProvider provider)
    {
        await using var server = await ServerFixture.StartAsync(provider: provider);
        var body = ServerFixture.Registration("retry@example.nl");

        using var first = await PostAsync(server, "key-0001", body);
        using var second = await PostAsync(server, "key-0001", body);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal((1, 1, 1, 1), await server.CountRowsAsync());
        Assert.Single(server.WaitForMessagesTo("retry@example.nl"));
    }

    [Theory]
    [BothStorageProviders]
    public async Task The_same_key_with_another_body_gets_422(StorageProvider provider)
    {
        await using var server = await ServerFixture.StartAsync(provider: provider);
        using var first = await PostAsync(server, "key-0002", ServerFixture.Registration("retry@example.nl"));

        using var second = await PostAsync(server, "key-0002", ServerFixture.Registration("other@example.nl", name: "Slagerij De Vries"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Equal(ProblemTypes.IdempotencyKeyReused, (await ServerFixture.ReadProblemAsync(second)).GetProperty("type").GetString());
        Assert.Equal((1, 1, 1, 1), await server.CountRowsAsync());
    }

    [Theory]
    [BothStorageProviders]
    public async Task Concurrent_retries_with_one_key_create_one_account_and_all_get_the_same_answer(StorageProvider provider)
    {
        await using var server = await ServerFixture.StartAsync(provider: provider);
        var body = ServerFixture.Registration("burst@example.nl");
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
        {
            await gate.Task;
            using var response = await PostAsync(server, "key-burst", body);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        })).ToList();
        gate.SetResult();
        var results = await Task.WhenAll(attempts);

        Assert.All(results, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        Assert.Single(results.Select(r => r.Body).Distinct());
        Assert.Equal((1, 1, 1, 1), await server.CountRowsAsync());
    }

    private static async Task<HttpResponseMessage> PostAsync(ServerFixture server, string key, RegistrationRequest body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/registrations") { Content = JsonContent.Create(body, options: ServerFixture.Json) };
        request.Headers.Add("Idempotency-Key", key);
        return await server.Http.SendAsync(request);
    }
}
