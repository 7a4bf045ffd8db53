using Faktum.Licensing.EndToEnd.Tests.Infrastructure;
using Faktum.Licensing.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Faktum.Licensing.EndToEnd.Tests.Registration;

public sealed class ConfirmationTests
{
    [Fact]
    public async Task Wrong_one_time_passwords_are_refused_and_after_the_attempt_budget_even_the_right_one_is_too_many_attempts()
    {
        await using var server = await E2eServer.StartAsync();
        using var app = new HostApp(server, server.Computer("computer-a"));
        (await app.Licensing.RegisterCompanyAsync(HostApp.Registration())).EnsureSuccess();
        var password = server.ReadOneTimePassword(HostApp.Email);

        for (var attempt = 0; attempt < 5; attempt++)
        {
            var wrong = await app.Licensing.ConfirmAsync(HostApp.Email, "ABCDE-FGHJK");
            Assert.Equal(LicensingFailure.OneTimePasswordInvalid, wrong.Failure);
        }

        var right = await app.Licensing.ConfirmAsync(HostApp.Email, password);

        Assert.Equal(LicensingFailure.TooManyAttempts, right.Failure);
        Assert.False(File.Exists(app.TokenPath));
        Assert.Equal(LicenseState.NotRegistered, (await app.Licensing.CheckAsync()).State);
    }

    [Fact]
    public async Task A_registration_with_an_empty_name_and_a_bad_email_gets_field_errors_for_both()
    {
        await using var server = await E2eServer.StartAsync();
        using var app = new HostApp(server, server.Computer("computer-a"));

        var result = await app.Licensing.RegisterCompanyAsync(HostApp.Registration(name: string.Empty, email: "not-an-address"));

        Assert.Equal(LicensingFailure.InvalidInput, result.Failure);
        Assert.Contains("company.name", result.FieldErrors.Keys);
        Assert.Contains("email", result.FieldErrors.Keys);
    }

    [Fact]
    public async Task A_registration_whose_first_answer_is_lost_is_retried_with_its_idempotency_key_and_creates_one_account_and_one_mail()
    {
        await using var server = await E2eServer.StartAsync();
        var lost = new LoseFirstRegistrationAnswer.Counter();
        using var app = new HostApp(server, server.Computer("computer-a"), build: builder =>
            builder.Services.AddHttpClient(LicenseServerClient.RetryingClientName).AddHttpMessageHandler(() => new LoseFirstRegistrationAnswer(lost)));

        var registered = await app.Licensing.RegisterCompanyAsync(HostApp.Registration());

        Assert.True(registered.Succeeded, registered.Message);
        Assert.Equal(2, lost.Sent);
        Assert.Equal(1, lost.Lost);
        Assert.Single(server.WaitForMessagesTo(HostApp.Email, count: 2));
        var confirmed = await app.Licensing.ConfirmAsync(HostApp.Email, server.ReadOneTimePassword(HostApp.Email));
        Assert.Equal(LicenseState.Trial, confirmed.EnsureSuccess().State);
    }

    /// <summary>Lets the first registration reach the server, then drops its answer as a broken connection would.</summary>
    private sealed class LoseFirstRegistrationAnswer(LoseFirstRegistrationAnswer.Counter counter) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (request.RequestUri?.AbsolutePath.EndsWith("/v1/registrations", StringComparison.Ordinal) == true && counter.Sent++ == 0)
            {
                counter.Lost++;
                response.Dispose();
                throw new HttpRequestException("The connection broke before the answer arrived.");
            }

            return response;
        }

        public sealed class Counter
        {
            public int Sent { get; set; }

            public int Lost { get; set; }
        }
    }
}
