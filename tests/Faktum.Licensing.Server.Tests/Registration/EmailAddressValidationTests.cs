using System.Net;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Tests.Infrastructure;

namespace Faktum.Licensing.Server.Tests.Registration;

/// <summary>F9: addresses with misplaced dots are a field error on every account endpoint, never a 500.</summary>
public sealed class EmailAddressValidationTests : IAsyncLifetime
{
    private ServerFixture _server = null!;

    public static TheoryData<string> MisplacedDots => new()
    {
        ".jan@example.nl",
        "jan..piet@example.nl",
        "jan.@example.nl",
        "jan@.example.nl",
        "jan@example..nl",
        "jan@example.nl.",
    };

    public async Task InitializeAsync() => _server = await ServerFixture.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [MemberData(nameof(MisplacedDots))]
    public async Task Registration_refuses_an_address_with_misplaced_dots_as_a_field_error(string email)
    {
        using var response = await _server.PostAsync("/v1/registrations", ServerFixture.Registration(email));

        await AssertEmailFieldErrorAsync(response);
        Assert.Equal((0, 0, 0, 0), await _server.CountRowsAsync());
    }

    [Theory]
    [MemberData(nameof(MisplacedDots))]
    public async Task Recovery_refuses_an_address_with_misplaced_dots_as_a_field_error(string email)
    {
        using var response = await _server.PostAsync("/v1/recoveries", new RecoveryRequest(email, ServerFixture.Product, "install-one-0001"));

        await AssertEmailFieldErrorAsync(response);
    }

    [Theory]
    [MemberData(nameof(MisplacedDots))]
    public async Task Confirmation_refuses_an_address_with_misplaced_dots_as_a_field_error(string email)
    {
        using var response = await _server.PostAsync("/v1/confirmations", new ConfirmationRequest(email, "ABCDE-23456", "install-one-0001", ServerFixture.Product));

        await AssertEmailFieldErrorAsync(response);
    }

    [Theory]
    [InlineData("jan.de.vries@example.nl")]
    [InlineData("jan+factuur@mail.example.nl")]
    public async Task Registration_accepts_an_address_whose_dots_sit_between_characters(string email)
    {
        using var response = await _server.PostAsync("/v1/registrations", ServerFixture.Registration(email));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.NotEmpty(_server.WaitForMessagesTo(email));
    }

    private static async Task AssertEmailFieldErrorAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ServerFixture.ReadProblemAsync(response);
        Assert.Equal(ProblemTypes.ValidationFailed, problem.GetProperty("type").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("email", out var messages), $"no error for email in {problem}");
        Assert.Equal("This is not a valid e-mail address.", messages[0].GetString());
    }
}
