using System.ComponentModel.DataAnnotations;
using MailKit.Security;

namespace Faktum.Licensing.Server.Configuration;

/// <summary>The section <c>FaktumServer:Email:Smtp</c>.</summary>
public sealed class SmtpOptions
{
    /// <summary>Gets or sets the SMTP host.</summary>
    public string? Host { get; set; }

    /// <summary>Gets or sets the SMTP port.</summary>
    /// <value>587.</value>
    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>Gets or sets the TLS mode: None, Auto, SslOnConnect, StartTls, StartTlsWhenAvailable.</summary>
    /// <value><see cref="SecureSocketOptions.StartTls"/>.</value>
    public SecureSocketOptions SecureSocketOptions { get; set; } = SecureSocketOptions.StartTls;

    /// <summary>Gets or sets the user name; without one the server does not authenticate.</summary>
    public string? UserName { get; set; }

    /// <summary>Gets or sets the password.</summary>
    public string? Password { get; set; }
}
