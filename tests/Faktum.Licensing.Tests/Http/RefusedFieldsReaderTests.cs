using System.Net;
using System.Text;
using Faktum.Licensing.Http;

namespace Faktum.Licensing.Tests.Http;

/// <summary>
/// How the SDK reads the server's per-field codes (the problem's <c>codes</c> member, docs/protocol.md) into
/// <see cref="LicensingResult.RefusedFields"/>: answers the real server cannot be made to give (an older server, a newer
/// code, a broken member).
/// </summary>
public sealed class RefusedFieldsReaderTests
{
    private const string Validation = "urn:faktum:problem:validation-failed";

    [Fact]
    public void Codes_are_paired_with_the_messages_of_their_field_in_order()
    {
        var error = Read(400, $$$"""
            {"type":"{{{Validation}}}","detail":"see errors",
             "errors":{"company.postcode":["four digits","second"],"email":["not an address"]},
             "codes":{"company.postcode":["invalid-format","too-long"],"email":["invalid-format"]}}
            """);

        Assert.Equal(LicensingFailure.InvalidInput, error.Failure);
        Assert.Equal(
            [new RegistrationFieldError("company.postcode", "invalid-format", "four digits"), new RegistrationFieldError("company.postcode", "too-long", "second"),
             new RegistrationFieldError("email", "invalid-format", "not an address")],
            error.RefusedFields);
    }

    [Fact]
    public void A_server_without_codes_leaves_refused_fields_empty_while_field_errors_name_the_fields()
    {
        var error = Read(400, $$$"""{"type":"{{{Validation}}}","errors":{"email":["not an address"]}}""");

        Assert.Equal(LicensingFailure.InvalidInput, error.Failure);
        Assert.Empty(error.RefusedFields);
        Assert.Equal(["email"], error.FieldErrors.Keys);
    }

    [Fact]
    public void A_code_this_sdk_does_not_know_is_passed_on_as_sent()
    {
        var error = Read(400, $$$"""{"type":"{{{Validation}}}","errors":{"email":["gone"]},"codes":{"email":["domain-expired"]}}""");

        Assert.Equal("domain-expired", Assert.Single(error.RefusedFields).Code);
        Assert.DoesNotContain("domain-expired", RegistrationFieldCodes.All);
    }

    [Theory]
    [InlineData("""{"email":"invalid-format"}""")]
    [InlineData("""{"email":[1,null,{}]}""")]
    [InlineData("""{"email":[""]}""")]
    [InlineData("""["invalid-format"]""")]
    [InlineData("\"invalid-format\"")]
    public void A_broken_codes_member_gives_no_refused_fields_and_still_the_invalid_input_failure(string codes)
    {
        var error = Read(400, $$$"""{"type":"{{{Validation}}}","errors":{"email":["not an address"]},"codes":{{{codes}}}}""");

        Assert.Equal(LicensingFailure.InvalidInput, error.Failure);
        Assert.Empty(error.RefusedFields);
    }

    [Fact]
    public void An_overlong_code_is_dropped()
    {
        var error = Read(400, $$$"""{"type":"{{{Validation}}}","errors":{"email":["x"]},"codes":{"email":["{{{new string('a', 65)}}}","required"]}}""");

        Assert.Equal(new RegistrationFieldError("email", "required", string.Empty), Assert.Single(error.RefusedFields));
    }

    [Fact]
    public void A_company_already_registered_names_its_fields_with_the_problem_detail_as_message()
    {
        var error = Read(409, """
            {"type":"urn:faktum:problem:company-already-registered","detail":"A company with this name and postcode already holds a license.",
             "codes":{"company.name":["already-registered"],"company.postcode":["already-registered"]}}
            """);

        Assert.Equal(LicensingFailure.CompanyAlreadyRegistered, error.Failure);
        Assert.Equal(["company.name", "company.postcode"], error.RefusedFields.Select(e => e.Field));
        Assert.All(error.RefusedFields, e => Assert.Equal((RegistrationFieldCodes.AlreadyRegistered, "A company with this name and postcode already holds a license."), (e.Code, e.Message)));
        Assert.Empty(error.FieldErrors);
    }

    [Fact]
    public void Codes_on_a_problem_of_another_kind_are_ignored()
    {
        var error = Read(400, """{"type":"urn:faktum:problem:one-time-password-invalid","codes":{"oneTimePassword":["invalid-format"]}}""");

        Assert.Equal(LicensingFailure.OneTimePasswordInvalid, error.Failure);
        Assert.Empty(error.RefusedFields);
    }

    private static LicensingError Read(int status, string json)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status);
        return ProblemDetailsReader.Read(response, Encoding.UTF8.GetBytes(json));
    }
}
