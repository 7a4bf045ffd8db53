using System.ComponentModel.DataAnnotations;

namespace Faktum.Licensing.Server.Configuration;

/// <summary>The section <c>FaktumServer:Email</c>.</summary>
public sealed class EmailOptions
{
    /// <summary>Gets or sets how mail is sent.</summary>
    /// <value><see cref="EmailMode.Pickup"/>.</value>
    public EmailMode Mode { get; set; } = EmailMode.Pickup;

    /// <summary>Gets or sets the pickup folder.</summary>
    /// <value><c>{DataDirectory}/mail</c>.</value>
    public string? PickupDirectory { get; set; }

    /// <summary>Gets or sets the sender address.</summary>
    /// <value><c>licenses@localhost</c>.</value>
    [Required]
    public string From { get; set; } = "licenses@localhost";

    /// <summary>Gets or sets the sender display name.</summary>
    /// <value><c>Faktum Licensing</c>.</value>
    public string FromName { get; set; } = "Faktum Licensing";

    /// <summary>Gets or sets the language of the mails: <c>nl</c> or <c>en</c>.</summary>
    /// <value><c>nl</c>.</value>
    [RegularExpression("^(nl|en)$")]
    public string Language { get; set; } = "nl";

    /// <summary>Gets the products' display names in the mails, by product id (for example <c>faktum-factuur</c> → <c>Faktum Factuur</c>).</summary>
    /// <value>Empty: a mail names the product by its id.</value>
    public IDictionary<string, string> ProductNames { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets the SMTP settings (used when <see cref="Mode"/> is <see cref="EmailMode.Smtp"/>).</summary>
    public SmtpOptions Smtp { get; } = new();

    /// <summary>Gets the settings of the mail outbox: retries and how often it is polled.</summary>
    public MailOutboxOptions Outbox { get; } = new();
}
