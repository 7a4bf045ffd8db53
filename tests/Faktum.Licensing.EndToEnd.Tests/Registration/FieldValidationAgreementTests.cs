using Faktum.Licensing.EndToEnd.Tests.Infrastructure;

namespace Faktum.Licensing.EndToEnd.Tests.Registration;

/// <summary>
/// The SDK's <see cref="RegistrationValidator"/> and the real server judge every field alike: for each input, the field the
/// validator refuses is the field the server refuses, with the server's own message, and what one accepts the other accepts.
/// </summary>
public sealed class FieldValidationAgreementTests
{
    // (field, value): each row changes one field of a good registration.
    public static TheoryData<string, string?> Inputs => new()
    {
        { RegistrationFields.CompanyName, "Bakkerij Jansen B.V." },
        { RegistrationFields.CompanyName, "Café De Zwaan" },
        { RegistrationFields.CompanyName, "مطعم Jansen" },
        { RegistrationFields.CompanyName, "" },
        { RegistrationFields.CompanyName, "B.V." },
        { RegistrationFields.CompanyName, "Jan\u200Bsen" },
        { RegistrationFields.CompanyName, "Jansen\u3164Bouw" },
        { RegistrationFields.CompanyName, "J\u0430nsen" },
        { RegistrationFields.CompanyName, new string('a', 201) },
        { RegistrationFields.Postcode, "1234 AB" },
        { RegistrationFields.Postcode, "1234ab" },
        { RegistrationFields.Postcode, "12345" },
        { RegistrationFields.Postcode, "0123 AB" },
        { RegistrationFields.Postcode, "1234 SS" },
        { RegistrationFields.Postcode, "" },
        { RegistrationFields.Postcode, "\u0661\u0662\u0663\u0664 AB" },
        { RegistrationFields.Street, "Dorpsstraat" },
        { RegistrationFields.Street, "Burg. de Vlugtlaan" },
        { RegistrationFields.Street, "" },
        { RegistrationFields.Street, "Dorps\u200Bstraat" },
        { RegistrationFields.Street, "Dorpsstraat #1" },
        { RegistrationFields.Street, new string('s', 101) },
        { RegistrationFields.HouseNumber, "12a" },
        { RegistrationFields.HouseNumber, "12-3" },
        { RegistrationFields.HouseNumber, "" },
        { RegistrationFields.HouseNumber, "12½" },
        { RegistrationFields.HouseNumber, new string('1', 17) },
        { RegistrationFields.City, "'s-Hertogenbosch" },
        { RegistrationFields.City, "" },
        { RegistrationFields.City, "Utrecht\u0007" },
        { RegistrationFields.ContactName, "Jan Jansen" },
        { RegistrationFields.ContactName, "Zoë O'Brien-de Vries" },
        { RegistrationFields.ContactName, "" },
        { RegistrationFields.ContactName, "Jan\uFFA0Jansen" },
        { RegistrationFields.ContactName, "Jan <script>" },
        { RegistrationFields.Phone, "+31 30 123 4567" },
        { RegistrationFields.Phone, null },
        { RegistrationFields.Phone, "030-1234567 ext. 5" },
        { RegistrationFields.Phone, new string('1', 33) },
        { RegistrationFields.Email, "jan@jansen.example" },
        { RegistrationFields.Email, "jan+factuur@jansen.example" },
        { RegistrationFields.Email, "jan@" },
        { RegistrationFields.Email, ".jan@jansen.example" },
        { RegistrationFields.Email, "jan..piet@jansen.example" },
        { RegistrationFields.Email, "jan@jansen..example" },
        { RegistrationFields.Email, "" },
        { RegistrationFields.Email, "jan@jansen" },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task The_sdk_refuses_a_field_before_sending_exactly_when_the_server_refuses_it(string field, string? value)
    {
        await using var server = await E2eServer.StartAsync();
        using var app = new HostApp(server, server.Computer("pc"));
        var registration = With(HostApp.Registration(email: "agreement@jansen.example"), field, value);

        var local = RegistrationValidator.Validate(registration);
        var single = RegistrationValidator.ValidateField(field, value);
        var answer = await app.Licensing.RegisterCompanyAsync(registration);

        var refusedByServer = answer.Failure == LicensingFailure.InvalidInput ? answer.FieldErrors : new Dictionary<string, IReadOnlyList<string>>();
        Assert.Equal(refusedByServer.Keys.Order(StringComparer.Ordinal), local.Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.Equal(local.SingleOrDefault(), single);
        foreach (var error in local)
        {
            Assert.Contains(RegistrationFieldCodes.All, code => code == error.Code);
            Assert.Contains(error.Message, refusedByServer[error.Field]);
        }

        // The server's codes for the fields it refused are the validator's codes (LicensingResult.RefusedFields).
        Assert.Equal(local.Select(e => (e.Field, e.Code)).Order(), answer.RefusedFields.Select(e => (e.Field, e.Code)).Order());

        if (local.Count == 0)
        {
            Assert.True(answer.Succeeded, answer.Message);
        }
    }

    private static CompanyRegistration With(CompanyRegistration registration, string field, string? value) => field switch
    {
        RegistrationFields.CompanyName => registration with { CompanyName = value! },
        RegistrationFields.Postcode => registration with { Postcode = value! },
        RegistrationFields.Street => registration with { Street = value! },
        RegistrationFields.HouseNumber => registration with { HouseNumber = value! },
        RegistrationFields.City => registration with { City = value! },
        RegistrationFields.ContactName => registration with { ContactName = value! },
        RegistrationFields.Phone => registration with { Phone = value },
        RegistrationFields.Email => registration with { Email = value! },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };
}
