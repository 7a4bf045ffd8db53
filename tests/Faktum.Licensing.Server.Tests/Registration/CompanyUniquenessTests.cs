using System.Net;
using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Faktum.Licensing.Server.Tests.Registration;

public sealed class CompanyUniquenessTests
{
    private static readonly string[] NameVariants =
    [
        "Bakkerij Jansen B.V.",
        "bakkerij  jansen bv",
        "BAKKERIJ JANSEN B.V.",
        "Bakkerij Jansen BV",
        " Bakkerij   Jansen  b.v. ",
        "Bakkerij Jansen B.V",
        "bakkerij jansen",
    ];

    private static readonly string[] PostcodeVariants = ["1234 AB", "1234ab", "1234AB", " 1234  ab "];

    [Theory]
    [BothStorageProviders]
    public async Task Fifty_simultaneous_registrations_of_one_company_give_one_license_and_409_for_the_rest(StorageProvider provider)
    {
        await using var server = await ServerFixture.StartAsync(provider: provider);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var requests = Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            await start.Task;
            using var response = await server.PostAsync("/v1/registrations", ServerFixture.Registration(
                $"owner{i}@example.nl",
                NameVariants[i % NameVariants.Length],
                PostcodeVariants[i % PostcodeVariants.Length],
                $"install-{i:D4}-abcd"));
            var body = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, body);
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(requests);

        Assert.Single(results, r => r.StatusCode == HttpStatusCode.Accepted);
        Assert.Equal(49, results.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.All(results.Where(r => r.StatusCode == HttpStatusCode.Conflict), r => Assert.Contains("company-already-registered", r.body, StringComparison.Ordinal));
        Assert.Equal((1, 1, 1, 1), await server.CountRowsAsync());
        Assert.Equal("NL:1234AB:bakkerij jansen", await server.WithDbAsync(db => db.Companies.Select(c => c.IdentityKey).SingleAsync()));
    }

    [Theory]
    [BothStorageProviders]
    public async Task The_conflict_points_to_existing_company(StorageProvider provider)
    {
        await using var server = await ServerFixture.StartAsync(provider: provider);
        using var first = await server.PostAsync("/v1/registrations", ServerFixture.Registration("a@example.nl"));
        using var second = await server.PostAsync("/v1/registrations", ServerFixture.Registration("b@example.nl", name: "bakkerij  jansen bv", postcode: "1234ab"));

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var problem = await ServerFixture.ReadProblemAsync(second);
        Assert.Equal("urn:faktum:problem:company-already-registered", problem.GetProperty("type").GetString());
        Assert.Equal(409, problem.GetProperty("status").GetInt32());
        Assert.Contains("existing company", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
