using Faktum.Licensing.EndToEnd.Tests.Infrastructure;

namespace Faktum.Licensing.EndToEnd.Tests.Registration;

/// <summary>
/// What only the server can refuse reaches the host with the same stable field codes as <see cref="RegistrationValidator"/>:
/// <see cref="LicensingResult.RefusedFields"/>, mapped from the server's problem (its <c>codes</c> extension).
/// </summary>
public sealed class RefusedFieldCodeTests
{
    [Fact]
    public async Task A_company_the_validator_lets_through_but_the_server_knows_is_taken_comes_back_with_the_already_registered_code()
    {
        await using var server = await E2eServer.StartAsync();
        using var first = new HostApp(server, server.Computer("computer-a"));
        using var second = new HostApp(server, server.Computer("computer-b"));
        (await first.Licensing.RegisterCompanyAsync(HostApp.Registration("Bakkerij Jansen B.V.", "1234 AB", "info@bakkerij-jansen.example"))).EnsureSuccess();
        var registration = HostApp.Registration("bakkerij  jansen bv", "1234ab", "jan@jansen-bakkerij.example");
        Assert.Empty(RegistrationValidator.Validate(registration));

        var again = await second.Licensing.RegisterCompanyAsync(registration);

        Assert.Equal(LicensingFailure.CompanyAlreadyRegistered, again.Failure);
        Assert.Equal(
            [(RegistrationFields.CompanyName, RegistrationFieldCodes.AlreadyRegistered), (RegistrationFields.Postcode, RegistrationFieldCodes.AlreadyRegistered)],
            again.RefusedFields.Select(e => (e.Field, e.Code)).Order());
        Assert.All(again.RefusedFields, e => Assert.Contains("already holds a license", e.Message, StringComparison.Ordinal));
        Assert.Empty(again.FieldErrors);
    }

    [Fact]
    public async Task Every_field_the_server_refuses_comes_back_with_the_code_the_validator_gives_for_it()
    {
        await using var server = await E2eServer.StartAsync();
        using var app = new HostApp(server, server.Computer("pc"));
        var registration = HostApp.Registration("Bakkerij\u200BJansen", "12345", "jan@") with { Street = "", Phone = "call me" };

        var answer = await app.Licensing.RegisterCompanyAsync(registration);

        Assert.Equal(LicensingFailure.InvalidInput, answer.Failure);
        var expected = RegistrationValidator.Validate(registration);
        Assert.Equal(5, expected.Count);
        Assert.Equal(expected.OrderBy(e => e.Field, StringComparer.Ordinal), answer.RefusedFields.OrderBy(e => e.Field, StringComparer.Ordinal));
        Assert.Equal(answer.FieldErrors.Keys.Order(StringComparer.Ordinal), answer.RefusedFields.Select(e => e.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_call_that_succeeds_or_fails_for_another_reason_has_no_refused_fields()
    {
        await using var server = await E2eServer.StartAsync();
        using var app = new HostApp(server, server.Computer("pc"));
        (await app.Licensing.RegisterCompanyAsync(HostApp.Registration())).EnsureSuccess();

        var wrong = await app.Licensing.ConfirmAsync(HostApp.Email, "AAAAA-AAAAA");

        Assert.Equal(LicensingFailure.OneTimePasswordInvalid, wrong.Failure);
        Assert.Empty(wrong.RefusedFields);
    }
}
