using System.Net;
using System.Text.Json;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Tests.Infrastructure;

namespace Faktum.Licensing.Server.Tests.Registration;

/// <summary>
/// The problem of a refused field names it with a stable code (the <c>codes</c> extension, docs/protocol.md) beside the
/// English messages of <c>errors</c>: one code per message, in the same order, so a client can say it in its own language.
/// </summary>
public sealed class FieldCodeProblemTests
{
    [Fact]
    public async Task Each_refused_field_carries_one_code_per_message_beside_its_english_message()
    {
        await using var server = await ServerFixture.StartAsync();
        var registration = ServerFixture.Registration("jan@") with
        {
            Company = new CompanyInput("Bakkerij\u200BJansen", "12345", "NL", "", "12a", "Utrecht"),
            Contact = new ContactInput("Jan Jansen", "call me"),
        };

        using var response = await server.PostAsync("/v1/registrations", registration);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ServerFixture.ReadProblemAsync(response);
        Assert.Equal(ProblemTypes.ValidationFailed, problem.GetProperty("type").GetString());
        var errors = problem.GetProperty("errors");
        var codes = problem.GetProperty(ProblemTypes.FieldCodesExtension);
        Assert.Equal(Names(errors), Names(codes));
        foreach (var field in errors.EnumerateObject())
        {
            Assert.Equal(field.Value.GetArrayLength(), codes.GetProperty(field.Name).GetArrayLength());
        }

        Assert.Equal("invalid-characters", Code(codes, "company.name"));
        Assert.Equal("invalid-format", Code(codes, "company.postcode"));
        Assert.Equal("required", Code(codes, "company.street"));
        Assert.Equal("not-allowed", Code(codes, "contact.phone"));
        Assert.Equal("invalid-format", Code(codes, "email"));
        Assert.Contains("four digits", errors.GetProperty("company.postcode")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_company_already_registered_names_its_name_and_postcode_with_the_already_registered_code()
    {
        await using var server = await ServerFixture.StartAsync();
        await server.RegisterAndConfirmAsync("first@example.nl");

        using var response = await server.PostAsync("/v1/registrations", ServerFixture.Registration("second@example.nl", installationId: "install-two-0002"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await ServerFixture.ReadProblemAsync(response);
        Assert.Equal(ProblemTypes.CompanyAlreadyRegistered, problem.GetProperty("type").GetString());
        var codes = problem.GetProperty(ProblemTypes.FieldCodesExtension);
        Assert.Equal(["company.name", "company.postcode"], Names(codes));
        Assert.Equal("already-registered", Code(codes, "company.name"));
        Assert.Equal("already-registered", Code(codes, "company.postcode"));
    }

    private static string[] Names(JsonElement map) => [.. map.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

    private static string? Code(JsonElement codes, string field) => Assert.Single(codes.GetProperty(field).EnumerateArray()).GetString();
}
