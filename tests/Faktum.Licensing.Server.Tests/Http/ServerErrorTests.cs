using System.Net;
using Faktum.Licensing.Companies;
using Faktum.Licensing.Server.Companies;
using Faktum.Licensing.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Faktum.Licensing.Server.Tests.Http;

public sealed class ServerErrorTests
{
    [Fact]
    public async Task An_unexpected_failure_is_a_500_problem_without_a_stack_trace()
    {
        await using var server = await ServerFixture.StartAsync(services: s => s.AddSingleton<ICompanyIdentityCanonicalizer, ThrowingCanonicalizer>());

        using var response = await server.PostAsync("/v1/registrations", ServerFixture.Registration("boom@example.nl"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var problem = await ServerFixture.ReadProblemAsync(response);
        Assert.Equal("urn:faktum:problem:server-error", problem.GetProperty("type").GetString());
        var text = problem.ToString();
        Assert.DoesNotContain("secret detail", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0, 0), await server.CountRowsAsync());
    }

    private sealed class ThrowingCanonicalizer : ICompanyIdentityCanonicalizer
    {
        public CompanyIdentityResult Create(string? name, string? postcode, string? country) => throw new InvalidOperationException("secret detail");
    }
}
