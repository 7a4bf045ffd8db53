using System.Net;
using Faktum.Licensing.Server.Storage;
using Faktum.Licensing.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Faktum.Licensing.Server.Tests.Email;

/// <summary>
/// What a mail says: a plain-text and an HTML part (multipart/alternative) in Dutch or English, the product by its display
/// name, every user-supplied value as text in the HTML, and the one-time password in the mail but in no log.
/// </summary>
public sealed class MailContentTests
{
    private const string HostileName = "Bakkerij <script>alert(\"x\")</script> & Zn";
    private const string DisplayName = "Faktum Factuur & Co <Pro>";

    public static TheoryData<string, string, string> Languages => new()
    {
        { "nl", "Voer het in Faktum Factuur & Co <Pro> in op de computer waarop u het bedrijf hebt geregistreerd.", "Het wachtwoord werkt één keer en 30 minuten lang." },
        { "en", "Enter it in Faktum Factuur & Co <Pro> on the computer where you registered, to confirm your e-mail address", "It works once, for 30 minutes." },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_registration_mail_in_the_pickup_folder_has_a_text_and_an_html_part_naming_the_product_with_the_company_name_as_text(
        string language, string instruction, string lifetime)
    {
        await using var server = await ServerFixture.StartAsync(
            configure: c =>
            {
                c["FaktumServer:Email:Language"] = language;
                c["FaktumServer:Email:ProductNames:" + ServerFixture.Product] = DisplayName;
                c["Logging:LogLevel:Default"] = "Trace";
            },
            services: s => s.AddLogging(b => b.AddFakeLogging().SetMinimumLevel(LogLevel.Trace)));

        using var registered = await server.PostAsync("/v1/registrations", ServerFixture.Registration("html@example.nl", name: HostileName));
        Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        await ServerFixture.WaitUntilAsync(async () => (await server.OutboxAsync()).All(m => m.Status == OutboxMessageStatus.Sent), "the mail to be sent");

        // The .eml as written to the pickup folder, parsed by MimeKit.
        var file = Assert.Single(Directory.GetFiles(server.PickupDirectory, "*.eml"));
        Assert.All(await File.ReadAllBytesAsync(file), b => Assert.True(b < 0x80, "the .eml is not 7-bit")); // quoted-printable UTF-8
        var message = await MimeMessage.LoadAsync(file);
        var password = ServerFixture.ExtractPassword(message);
        var (text, html) = BothParts(message);

        Assert.Contains(instruction, text, StringComparison.Ordinal);
        Assert.Contains(lifetime, text, StringComparison.Ordinal);
        Assert.Contains(HostileName, text, StringComparison.Ordinal);
        Assert.Contains(password, text, StringComparison.Ordinal);
        Assert.DoesNotContain(ServerFixture.Product, text, StringComparison.Ordinal);
        Assert.DoesNotContain(" in in ", text, StringComparison.Ordinal);
        Assert.Contains(HostileName, message.Subject, StringComparison.Ordinal);

        Assert.Contains(WebUtility.HtmlEncode(instruction), html, StringComparison.Ordinal);
        Assert.Contains("Bakkerij &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Zn", html, StringComparison.Ordinal);
        Assert.Contains("Faktum Factuur &amp; Co &lt;Pro&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<Pro>", html, StringComparison.Ordinal);
        Assert.Contains($"<html lang=\"{language}\">", html, StringComparison.Ordinal);
        Assert.Contains(password, html, StringComparison.Ordinal);
        Assert.DoesNotContain(ServerFixture.Product, html, StringComparison.Ordinal);

        // The password is in the mail, and nowhere in what the server logged.
        var logged = server.Server.Services.GetFakeLogCollector().GetSnapshot();
        Assert.NotEmpty(logged);
        Assert.All(logged, r => Assert.DoesNotContain(password, r.Message + r.Exception, StringComparison.OrdinalIgnoreCase));
        Assert.All(logged, r => Assert.DoesNotContain(password.Replace("-", "", StringComparison.Ordinal), r.Message, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("nl", "Iemand (hopelijk u) wil Faktum Factuur & Co <Pro> gebruiken op een computer met dit e-mailadres.")]
    [InlineData("en", "Someone (hopefully you) asked to use Faktum Factuur & Co <Pro> on a computer with this e-mail address.")]
    public async Task The_recovery_mail_over_smtp_has_a_text_and_an_html_part_naming_the_product(string language, string opening)
    {
        await using var smtp = await LoopbackSmtpServer.StartAsync();
        await using var server = await ServerFixture.StartAsync(configure: c =>
        {
            smtp.Configure(c);
            c["FaktumServer:Email:Language"] = language;
            c["FaktumServer:Email:ProductNames:" + ServerFixture.Product] = DisplayName;
        });
        using (var registered = await server.PostAsync("/v1/registrations", ServerFixture.Registration("smtp-html@example.nl", name: HostileName)))
        {
            Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        }

        await ServerFixture.WaitUntilAsync(() => Task.FromResult(smtp.MessagesTo("smtp-html@example.nl").Count == 1), "the registration mail");
        await server.ConfirmAsync("smtp-html@example.nl", ServerFixture.ExtractPassword(smtp.MessagesTo("smtp-html@example.nl")[0]), "install-one-0001");

        using (var recovery = await server.PostAsync("/v1/recoveries", new Protocol.RecoveryRequest("smtp-html@example.nl", ServerFixture.Product, "install-two-0002")))
        {
            Assert.Equal(HttpStatusCode.Accepted, recovery.StatusCode);
        }

        await ServerFixture.WaitUntilAsync(() => Task.FromResult(smtp.MessagesTo("smtp-html@example.nl").Count == 2), "the recovery mail");
        var message = smtp.MessagesTo("smtp-html@example.nl")[1];
        var password = ServerFixture.ExtractPassword(message);
        var (text, html) = BothParts(message);

        Assert.Contains(opening, text, StringComparison.Ordinal);
        Assert.Contains(password, text, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(opening), html, StringComparison.Ordinal);
        Assert.Contains(password, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<Pro>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(ServerFixture.Product, text + html, StringComparison.Ordinal);
        await server.ConfirmAsync("smtp-html@example.nl", password, "install-two-0002");
    }

    [Fact]
    public async Task The_notice_to_an_address_in_use_has_both_parts_and_no_password()
    {
        await using var server = await ServerFixture.StartAsync(configure: c => c["FaktumServer:Email:ProductNames:" + ServerFixture.Product] = "Faktum Factuur");
        // An address in use by a registration not yet confirmed (a confirmed one registers another company, S9).
        using (var first = await server.PostAsync("/v1/registrations", ServerFixture.Registration("inuse@example.nl")))
        {
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        }

        server.WaitForMessagesTo("inuse@example.nl", 1);
        using var again = await server.PostAsync("/v1/registrations", ServerFixture.Registration("inuse@example.nl", name: "Slagerij <b>De Vries</b>", postcode: "5678 CD"));
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);

        var notice = server.WaitForMessagesTo("inuse@example.nl", 2)[1];
        var (text, html) = BothParts(notice);
        Assert.Contains("Kies dan in Faktum Factuur voor \"bestaand bedrijf\"", text, StringComparison.Ordinal);
        Assert.Contains("Kies dan in Faktum Factuur voor &quot;bestaand bedrijf&quot;", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}", text + html);
    }

    private static (string Text, string Html) BothParts(MimeMessage message)
    {
        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(2, alternative.Count);
        var text = Assert.IsType<TextPart>(alternative[0]);
        var html = Assert.IsType<TextPart>(alternative[1]);
        Assert.True(text.IsPlain);
        Assert.True(html.IsHtml);
        Assert.Equal(message.TextBody, text.Text);
        Assert.Equal(message.HtmlBody, html.Text);
        return (text.Text, html.Text);
    }
}
