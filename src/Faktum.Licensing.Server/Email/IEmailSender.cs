using MimeKit;

namespace Faktum.Licensing.Server.Email;

/// <summary>Sends one e-mail. Two implementations: the pickup folder and SMTP.</summary>
internal interface IEmailSender
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
