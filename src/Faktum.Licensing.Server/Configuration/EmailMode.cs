namespace Faktum.Licensing.Server.Configuration;

/// <summary>How e-mail leaves the server.</summary>
public enum EmailMode
{
    /// <summary>Write .eml files into a pickup folder.</summary>
    Pickup,

    /// <summary>Send over SMTP with MailKit.</summary>
    Smtp,
}
