using Faktum.Licensing.Server.Configuration;
using MailKit.Net.Smtp;
using MimeKit;

namespace Faktum.Licensing.Server.Email;

/// <summary>Sends mail over SMTP with MailKit: one connection per message.</summary>
internal sealed class SmtpEmailSender(SmtpOptions options) : IEmailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync(options.Host ?? "localhost", options.Port, options.SecureSocketOptions, cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(options.UserName))
        {
            await client.AuthenticateAsync(options.UserName, options.Password ?? string.Empty, cancellationToken).ConfigureAwait(false);
        }

        await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
        await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
    }
}
