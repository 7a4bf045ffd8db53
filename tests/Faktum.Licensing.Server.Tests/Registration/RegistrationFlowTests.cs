using System.Net;
using System.Net.Http.Json;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Tests.Infrastructure;
using Faktum.Licensing.Tokens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Faktum.Licensing.Server.Tests.Registration;

public sealed class RegistrationFlowTests
{
    [Theory]
    [BothStorageProviders]
    public async Task Register_confirm_with_the_mailed_password_and_start_gives_a_verifiable_trial_license(StorageProvider provider)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
        await using var server = await ServerFixture.StartAsync(time, provider: provider);

        using var registered = await server.PostAsync("/v1/registrations", ServerFixture.Registration("jan@bakkerij-jansen.nl"));
        Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        var accepted = await registered.Content.ReadFromJsonAsync<AcceptedResponse>();
        Assert.Equal("accepted", accepted!.Status);

        var mail = server.NewestMessageTo("jan@bakkerij-jansen.nl");
        Assert.Contains("faktum-factuur", mail.Subject, StringComparison.Ordinal);
        var password = ServerFixture.ExtractPassword(mail);

        // The user may type it in lower case, without the dash.
        var confirmed = await server.ConfirmAsync("Jan@Bakkerij-Jansen.nl", password.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant(), "install-one-0001");
        Assert.Equal("Bakkerij Jansen B.V.", confirmed.Company.Name);
        Assert.Equal("1234 AB", confirmed.Company.Postcode);
        Assert.Equal("jan@bakkerij-jansen.nl", confirmed.Company.Email);

        var validation = await server.ValidateLicenseAsync(confirmed.License, "install-one-0001");
        Assert.True(validation.Succeeded, validation.Message);
        Assert.Equal(LicenseKind.Trial, validation.Claims.Kind);
        Assert.Equal(time.GetUtcNow().AddDays(30), validation.Claims.LicenseEndsAt);

        time.Advance(TimeSpan.FromDays(10) + TimeSpan.FromHours(1));
        var startup = await server.StartupAsync(confirmed.License, "c3RhcnR1cC1ub25jZS0wMDE");
        Assert.Equal("trial", startup.GetProperty("verdict").GetString());
        Assert.Equal(20, startup.GetProperty("trial_days_left").GetInt32());
        Assert.Equal(time.GetUtcNow().ToUnixTimeSeconds(), startup.GetProperty("server_time").GetInt64());
        Assert.Equal("Bakkerij Jansen B.V.", startup.GetProperty("company").GetProperty("name").GetString());
        var refreshed = await server.ValidateLicenseAsync(startup.GetProperty("license").GetString()!, "install-one-0001");
        Assert.True(refreshed.Succeeded, refreshed.Message);
        Assert.Equal("up-to-date", startup.GetProperty("updates").GetProperty("decision").GetString());
    }

    [Fact]
    public async Task Trial_days_run_out_and_the_verdict_becomes_trial_expired()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
        await using var server = await ServerFixture.StartAsync(time);
        var confirmed = await server.RegisterAndConfirmAsync("piet@example.nl");

        time.Advance(TimeSpan.FromDays(31));
        var startup = await server.StartupAsync(confirmed.License);
        Assert.Equal("trial-expired", startup.GetProperty("verdict").GetString());
        Assert.False(startup.TryGetProperty("license", out _));
        Assert.True(startup.TryGetProperty("company", out _));
    }

    [Fact]
    public async Task A_token_of_another_key_gets_verdict_unknown_in_a_signed_response()
    {
        await using var server = await ServerFixture.StartAsync();
        using var foreignKey = Ed25519SigningKey.Generate();
        var foreign = new LicenseTokenIssuer(foreignKey).Issue(ForeignClaims());

        var startup = await server.StartupAsync(foreign);

        Assert.Equal("unknown", startup.GetProperty("verdict").GetString());
        Assert.False(startup.TryGetProperty("license", out _));
        Assert.False(startup.TryGetProperty("company", out _));
    }

    [Fact]
    public async Task Registering_an_email_in_use_answers_the_same_and_mails_a_notice_without_password()
    {
        await using var server = await ServerFixture.StartAsync();
        using var first = await server.PostAsync("/v1/registrations", ServerFixture.Registration("owner@example.nl"));
        var firstBody = await first.Content.ReadAsStringAsync();

        using var second = await server.PostAsync("/v1/registrations", ServerFixture.Registration("owner@example.nl", name: "Slagerij De Vries", postcode: "5678 CD"));

        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal(firstBody, await second.Content.ReadAsStringAsync());
        var notice = server.NewestMessageTo("owner@example.nl", count: 2);
        Assert.DoesNotMatch("[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}", notice.TextBody);
        Assert.Contains("bestaand bedrijf", notice.TextBody, StringComparison.Ordinal);
        Assert.Equal((1, 1, 1, 1), await server.CountRowsAsync());
    }

    [Fact]
    public async Task Neither_the_one_time_password_nor_the_license_token_reaches_the_logs()
    {
        await using var server = await ServerFixture.StartAsync(
            configure: c => c["Logging:LogLevel:Default"] = "Trace",
            services: s => s.AddLogging(b => b.AddFakeLogging().SetMinimumLevel(LogLevel.Trace)));
        using var registered = await server.PostAsync("/v1/registrations", ServerFixture.Registration("logs@example.nl"));
        var password = server.ReadOneTimePassword("logs@example.nl");
        using var wrong = await server.PostAsync("/v1/confirmations", new ConfirmationRequest("logs@example.nl", "AAAAA-AAAAA", "install-one-0001", ServerFixture.Product));
        var confirmed = await server.ConfirmAsync("logs@example.nl", password, "install-one-0001");
        var startup = await server.StartupAsync(confirmed.License);

        var records = server.Server.Services.GetFakeLogCollector().GetSnapshot();
        Assert.NotEmpty(records);
        var compact = password.Replace("-", "", StringComparison.Ordinal);
        var signature = confirmed.License[(confirmed.License.LastIndexOf('.') + 1)..];
        foreach (var record in records)
        {
            var text = record.Message + " " + record.Exception;
            Assert.DoesNotContain(password, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(compact, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(signature, text, StringComparison.Ordinal);
            Assert.DoesNotContain(startup.GetProperty("license").GetString()!, text, StringComparison.Ordinal);
        }
    }

    private static LicenseClaims ForeignClaims()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(2_000_000_000);
        return new LicenseClaims
        {
            Issuer = ServerFixture.Issuer,
            ProductId = ServerFixture.Product,
            LicenseId = "lic_forged",
            TokenId = "tok_forged",
            IssuedAt = now,
            NotBefore = now,
            ExpiresAt = now.AddDays(30),
            Kind = LicenseKind.Paid,
            Company = new LicensedCompany("Bakkerij Jansen B.V.", "1234 AB", "NL", "NL:1234AB:bakkerij jansen"),
            AccountId = "acc_forged",
            InstallationId = "install-one-0001",
        };
    }

    internal static string ForeignToken(Ed25519SigningKey key) => new LicenseTokenIssuer(key).Issue(ForeignClaims());
}
