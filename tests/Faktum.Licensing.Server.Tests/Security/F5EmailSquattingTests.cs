using System.Net;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Email;
using Faktum.Licensing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Faktum.Licensing.Server.Tests.Security;

/// <summary>
/// F5: someone registers a fake company with the victim's address. Only the installation that registered can confirm
/// it, the victim's recovery does not confirm it, and the mail names the company and says how to refuse it.
/// </summary>
public sealed class F5EmailSquattingTests
{
    [Theory]
    [BothStorageProviders]
    public async Task A_registration_is_confirmable_only_from_the_installation_that_made_it(StorageProvider provider)
    {
        await using var server = await ServerFixture.StartAsync(provider: provider);
        using var registered = await server.PostAsync("/v1/registrations", ServerFixture.Registration("victim@example.nl", installationId: "install-atk-0001"));
        var password = server.ReadOneTimePassword("victim@example.nl");

        // The victim types the password into their own app: refused like a wrong password, as often as they try.
        for (var i = 0; i < 6; i++)
        {
            using var elsewhere = await server.PostAsync("/v1/confirmations", new ConfirmationRequest("victim@example.nl", password, "install-vic-0002", ServerFixture.Product));
            Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
            Assert.Equal(ProblemTypes.OneTimePasswordInvalid, (await ServerFixture.ReadProblemAsync(elsewhere)).GetProperty("type").GetString());
        }

        Assert.Null(await server.WithDbAsync(db => db.Accounts.Select(a => a.EmailConfirmedAt).SingleAsync()));
        Assert.Equal(0, await server.WithDbAsync(db => db.OneTimePasswords.Select(o => o.FailedAttempts).SingleAsync()));

        // The attempt budget of the real one is untouched: the registering installation still confirms.
        await server.ConfirmAsync("victim@example.nl", password, "install-atk-0001");
    }

    [Theory]
    [BothStorageProviders]
    public async Task Recovery_of_an_unconfirmed_registration_from_another_installation_answers_202_and_mails_no_password(StorageProvider provider)
    {
        await using var server = await ServerFixture.StartAsync(provider: provider);
        using var registered = await server.PostAsync("/v1/registrations", ServerFixture.Registration("victim@example.nl", installationId: "install-atk-0001"));
        server.WaitForMessagesTo("victim@example.nl");

        using var recovery = await server.PostAsync("/v1/recoveries", new RecoveryRequest("victim@example.nl", ServerFixture.Product, "install-vic-0002"));
        using var unknown = await server.PostAsync("/v1/recoveries", new RecoveryRequest("nobody@example.nl", ServerFixture.Product, "install-vic-0002"));

        Assert.Equal(HttpStatusCode.Accepted, recovery.StatusCode);
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await recovery.Content.ReadAsStringAsync());
        Assert.Equal(1, await server.WithDbAsync(db => db.OneTimePasswords.CountAsync()));
        Assert.Equal(1, await server.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == MailOutbox.OneTimePasswordKind)));
        Assert.Single(server.MessagesTo("victim@example.nl"));
    }

    [Theory]
    [InlineData("nl", "Heeft u \"Bakkerij Jansen B.V.\" niet geregistreerd? Weiger het dan door niets te doen")]
    [InlineData("en", "Did you not register \"Bakkerij Jansen B.V.\"? Then refuse it by doing nothing")]
    public async Task The_registration_mail_names_the_company_and_says_how_to_refuse_it(string language, string refusal)
    {
        await using var server = await ServerFixture.StartAsync(configure: c => c["FaktumServer:Email:Language"] = language);
        using var registered = await server.PostAsync("/v1/registrations", ServerFixture.Registration("owner@example.nl"));

        var message = server.NewestMessageTo("owner@example.nl");
        Assert.Contains("Bakkerij Jansen B.V.", message.Subject, StringComparison.Ordinal);
        Assert.Contains(refusal, message.TextBody, StringComparison.Ordinal);
        Assert.Contains("7", message.TextBody, StringComparison.Ordinal); // the days until it lapses
    }
}
