using Faktum.Licensing.Registration;
using Faktum.Licensing.Server.Http;

namespace Faktum.Licensing.Server.Tests.Companies;

/// <summary>The one table of address-field rules: a registration and a company correction apply the same rule to a field.</summary>
public sealed class AddressFieldRuleTests
{
    public static TheoryData<string> Fields => new(AddressFields.All.Select(f => f.RegistrationPath));

    [Theory]
    [MemberData(nameof(Fields))]
    public void A_value_over_the_limit_is_refused_by_registration_and_correction_alike(string registrationPath)
    {
        var field = AddressFields.All.Single(f => f.RegistrationPath == registrationPath);
        var tooLong = new string('1', field.MaxLength + 1);

        var registration = new Validation();
        var correction = new Validation();
        Assert.Null(registration.Registration(field, tooLong));
        Assert.Null(correction.Correction(field, tooLong));

        Assert.Equal(registration.Errors[field.RegistrationPath], correction.Errors[field.CorrectionPath]);
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public void A_refused_character_is_refused_by_registration_and_correction_alike(string registrationPath)
    {
        var field = AddressFields.All.Single(f => f.RegistrationPath == registrationPath);
        const string value = "12 <b>";

        var registration = new Validation();
        var correction = new Validation();
        Assert.Null(registration.Registration(field, value));
        Assert.Null(correction.Correction(field, value));

        Assert.Equal(registration.Errors[field.RegistrationPath], correction.Errors[field.CorrectionPath]);
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public void A_missing_value_is_an_error_at_registration_only_when_the_field_is_required(string registrationPath)
    {
        var field = AddressFields.All.Single(f => f.RegistrationPath == registrationPath);

        var registration = new Validation();
        var correction = new Validation();
        registration.Registration(field, "  ");
        correction.Correction(field, null);

        Assert.Equal(field.Required, !registration.IsValid);
        Assert.True(correction.IsValid);
    }

    [Fact]
    public void Every_field_has_one_rule_with_distinct_paths()
    {
        Assert.Equal(AddressFields.All.Count, AddressFields.All.Select(f => f.RegistrationPath).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(AddressFields.All.Count, AddressFields.All.Select(f => f.CorrectionPath).Distinct(StringComparer.Ordinal).Count());
    }
}
