using System.Net;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Tests.Infrastructure;

namespace Faktum.Licensing.Tests.Registration;

public class RegistrationTests
{
    [Fact]
    public async Task Register_company_async_accepted_sends_the_company_with_an_idempotency_key_and_the_installation_id()
    {
        using var host = new LicensingTestHost();

        var result = await host.Licensing.RegisterCompanyAsync(LicensingTestHost.Registration());

        Assert.True(result.Succeeded, result.Message);
        var request = Assert.Single(host.Server.Requests);
        Assert.Equal("/v1/registrations", request.Path);
        Assert.False(string.IsNullOrWhiteSpace(request.Headers["Idempotency-Key"]));
        Assert.Contains("\"product\":\"faktum-factuur\"", request.Body, StringComparison.Ordinal);
        Assert.Contains(host.Server.InstallationId!, File.ReadAllText(host.StatePath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_company_async_transient_failures_are_retried_with_the_same_idempotency_key()
    {
        using var host = new LicensingTestHost();
        var calls = 0;
        host.Server.Intercept = _ => Task.FromResult(++calls < 3 ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) : null);

        var result = await host.Licensing.RegisterCompanyAsync(LicensingTestHost.Registration());

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(3, host.Server.Requests.Count);
        Assert.Single(host.Server.Requests.Select(r => r.Headers["Idempotency-Key"]).Distinct());
    }

    [Fact]
    public async Task Register_company_async_repeated_by_the_user_after_an_outage_reuses_the_key_and_a_new_registration_gets_a_new_one()
    {
        using var host = new LicensingTestHost(o => o.RequestTimeout = TimeSpan.FromMilliseconds(100));
        host.Server.Intercept = _ => throw new HttpRequestException("connection refused");
        Assert.Equal(LicensingFailure.ServerUnreachable, (await host.Licensing.RegisterCompanyAsync(LicensingTestHost.Registration())).Failure);
        host.Server.Intercept = null;

        Assert.True((await host.Licensing.RegisterCompanyAsync(LicensingTestHost.Registration())).Succeeded);
        Assert.True((await host.Licensing.RegisterCompanyAsync(LicensingTestHost.Registration("Slagerij Pietersen"))).Succeeded);

        var keys = host.Server.Requests.Select(r => r.Headers["Idempotency-Key"]).ToList();
        Assert.Single(keys.Take(keys.Count - 1).Distinct());
        Assert.NotEqual(keys[0], keys[^1]);
    }

    [Fact]
    public async Task Register_company_async_conflict_is_company_already_registered()
    {
        using var host = new LicensingTestHost();
        host.Server.Intercept = _ => Task.FromResult<HttpResponseMessage?>(FakeLicenseServer.Problem(HttpStatusCode.Conflict, ProblemTypes.CompanyAlreadyRegistered));

        var result = await host.Licensing.RegisterCompanyAsync(LicensingTestHost.Registration());

        Assert.False(result.Succeeded);
        Assert.Equal(LicensingFailure.CompanyAlreadyRegistered, result.Failure);
        Assert.Contains("existing company", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_company_async_validation_failed_is_invalid_input_with_field_errors()
    {
        using var host = new LicensingTestHost();
        host.Server.Intercept = _ => Task.FromResult<HttpResponseMessage?>(FakeLicenseServer.Problem(
            HttpStatusCode.BadRequest, ProblemTypes.ValidationFailed, ""","errors":{"company.name":["The company name is required."],"email":["Not an e-mail address."]}"""));

        var result = await host.Licensing.RegisterCompanyAsync(LicensingTestHost.Registration());

        Assert.Equal(LicensingFailure.InvalidInput, result.Failure);
        Assert.Equal(["The company name is required."], result.FieldErrors["company.name"]);
        Assert.Equal(["Not an e-mail address."], result.FieldErrors["email"]);
    }

    [Fact]
    public async Task Request_one_time_password_async_rate_limited_is_retried_then_typed_with_retry_after()
    {
        using var host = new LicensingTestHost();
        host.Server.Intercept = _ =>
        {
            var response = FakeLicenseServer.Problem(HttpStatusCode.TooManyRequests, ProblemTypes.RateLimited);
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromMilliseconds(200));
            return Task.FromResult<HttpResponseMessage?>(response);
        };

        var result = await host.Licensing.RequestOneTimePasswordAsync("info@bakkerij-jansen.example");

        Assert.Equal(LicensingFailure.RateLimited, result.Failure);
        Assert.Equal(3, host.Server.Count("/v1/recoveries"));
    }

    [Fact]
    public async Task Request_one_time_password_async_rate_limited_for_minutes_is_not_retried_but_typed_with_retry_after_at_once()
    {
        using var host = new LicensingTestHost();
        host.Server.Intercept = _ =>
        {
            var response = FakeLicenseServer.Problem(HttpStatusCode.TooManyRequests, ProblemTypes.RateLimited);
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromMinutes(15));
            return Task.FromResult<HttpResponseMessage?>(response);
        };

        var result = await host.Licensing.RequestOneTimePasswordAsync("info@bakkerij-jansen.example");

        Assert.Equal(LicensingFailure.RateLimited, result.Failure);
        Assert.Equal(TimeSpan.FromMinutes(15), result.RetryAfter);
        Assert.Equal(1, host.Server.Count("/v1/recoveries"));
    }

    [Fact]
    public async Task Request_one_time_password_async_sends_email_product_and_installation()
    {
        using var host = new LicensingTestHost();

        var result = await host.Licensing.RequestOneTimePasswordAsync("info@bakkerij-jansen.example");

        Assert.True(result.Succeeded);
        var request = Assert.Single(host.Server.Requests);
        Assert.Equal("/v1/recoveries", request.Path);
        using var json = System.Text.Json.JsonDocument.Parse(request.Body);
        Assert.Equal(["email", "installationId", "product"], json.RootElement.EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task Confirm_async_success_stores_the_license_and_returns_trial_with_days_left()
    {
        using var host = new LicensingTestHost();
        LicenseStatusChangedEventArgs? changed = null;
        host.Licensing.StatusChanged += (_, e) => changed = e;

        var status = await host.RegisterAndConfirmAsync();

        Assert.Equal(LicenseState.Trial, status.State);
        Assert.Equal(30, status.DaysLeft);
        Assert.Equal(LicenseMode.RunNormally, status.Mode);
        Assert.Equal("Bakkerij Jansen B.V.", status.Company?.Name);
        Assert.True(File.Exists(host.TokenPath));
        Assert.Same(status, host.Licensing.Current);
        Assert.Equal(LicenseState.NotChecked, changed?.Previous.State);
        Assert.Equal("Dorpsstraat", (await host.Licensing.GetCompanyProfileAsync())?.Street);
    }

    [Fact]
    public async Task Confirm_async_wrong_password_is_one_time_password_invalid_and_nothing_is_stored()
    {
        using var host = new LicensingTestHost();

        var result = await host.Licensing.ConfirmAsync("info@bakkerij-jansen.example", "000000");

        Assert.Equal(LicensingFailure.OneTimePasswordInvalid, result.Failure);
        Assert.False(File.Exists(host.TokenPath));
    }

    [Fact]
    public async Task Confirm_async_too_many_attempts_is_typed()
    {
        using var host = new LicensingTestHost();
        host.Server.Intercept = _ => Task.FromResult<HttpResponseMessage?>(FakeLicenseServer.Problem(HttpStatusCode.BadRequest, ProblemTypes.TooManyAttempts));

        var result = await host.Licensing.ConfirmAsync("info@bakkerij-jansen.example", "123456");

        Assert.Equal(LicensingFailure.TooManyAttempts, result.Failure);
    }

    [Fact]
    public async Task Confirm_async_server_error_is_never_retried()
    {
        using var host = new LicensingTestHost();
        host.Server.Intercept = r => Task.FromResult<HttpResponseMessage?>(r.Path == "/v1/confirmations" ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) : null);

        var result = await host.Licensing.ConfirmAsync("info@bakkerij-jansen.example", "123456");

        Assert.Equal(LicensingFailure.ServerUnreachable, result.Failure);
        Assert.Equal(1, host.Server.Count("/v1/confirmations"));
    }

    [Fact]
    public async Task Confirm_async_license_signed_by_an_unpinned_key_is_invalid_response()
    {
        using var host = new LicensingTestHost();
        using var foreign = Faktum.Licensing.Tokens.Ed25519SigningKey.Generate();
        host.Server.Intercept = r => Task.FromResult<HttpResponseMessage?>(r.Path == "/v1/confirmations"
            ? FakeLicenseServer.Json(HttpStatusCode.OK, System.Text.Json.JsonSerializer.Serialize(new
            {
                license = new Faktum.Licensing.Tokens.LicenseTokenIssuer(foreign).Issue(new Faktum.Licensing.Tests.Tokens.TokenFixture().Claims()),
                company = host.Server.Company,
            }))
            : null);

        var result = await host.Licensing.ConfirmAsync("info@bakkerij-jansen.example", "123456");

        Assert.Equal(LicensingFailure.InvalidResponse, result.Failure);
        Assert.False(File.Exists(host.TokenPath));
    }

    [Fact]
    public async Task Correct_company_async_not_registered_is_typed_and_after_confirmation_the_correction_is_stored()
    {
        using var host = new LicensingTestHost();
        Assert.Equal(LicensingFailure.NotRegistered, (await host.Licensing.CorrectCompanyAsync(new CompanyCorrection { Postcode = "4321 BA" })).Failure);

        await host.RegisterAndConfirmAsync();
        var result = await host.Licensing.CorrectCompanyAsync(new CompanyCorrection { Postcode = "4321 BA" });

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("4321 BA", result.Value.Postcode);
        Assert.Equal("4321 BA", (await host.Licensing.GetCompanyProfileAsync())?.Postcode);
        var patch = host.Server.Requests.Single(r => r.Path == "/v1/company");
        Assert.StartsWith("Bearer ey", patch.Headers["Authorization"], StringComparison.Ordinal);
        Assert.Equal("""{"postcode":"4321 BA"}""", patch.Body);
    }

    [Fact]
    public async Task Correct_company_async_name_immutable_is_typed()
    {
        using var host = new LicensingTestHost();
        await host.RegisterAndConfirmAsync();
        host.Server.Intercept = _ => Task.FromResult<HttpResponseMessage?>(FakeLicenseServer.Problem(HttpStatusCode.BadRequest, ProblemTypes.CompanyNameImmutable));

        var result = await host.Licensing.CorrectCompanyAsync(new CompanyCorrection { City = "Elders" });

        Assert.Equal(LicensingFailure.CompanyNameImmutable, result.Failure);
    }

    [Fact]
    public async Task Logs_never_contain_a_token_or_a_password()
    {
        using var host = new LicensingTestHost();
        await host.Licensing.ConfirmAsync("info@bakkerij-jansen.example", "999999");
        await host.RegisterAndConfirmAsync();
        await host.Licensing.CheckAsync();
        var token = File.ReadAllText(host.TokenPath);

        var text = string.Join("\n", host.Logs.GetSnapshot().Select(r => r.Message + " " + string.Join(",", r.StructuredState ?? [])));

        Assert.NotEmpty(host.Logs.GetSnapshot());
        Assert.DoesNotContain("999999", text, StringComparison.Ordinal);
        Assert.DoesNotContain("123456", text, StringComparison.Ordinal);
        Assert.DoesNotContain(token[..20], text, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Server.LastStartupResponse![..20], text, StringComparison.Ordinal);
    }
}
