using Faktum.Licensing.Server.Configuration;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Faktum.Licensing.Server.Email;

/// <summary>
/// Writes the server's mails, in Dutch (default) or English, each with a plain-text and an HTML part (<see cref="MailBody"/>).
/// Each names the product by its display name (<see cref="EmailOptions.ProductNames"/>) and says what to do next.
/// </summary>
internal sealed class EmailComposer(IOptions<FaktumServerOptions> options)
{
    private EmailOptions Email => options.Value.Email;

    private bool English => string.Equals(Email.Language, "en", StringComparison.OrdinalIgnoreCase);

    private string Language => English ? "en" : "nl";

    /// <summary>The password of a recovery (S4): someone asked to use the product on a computer with this address.</summary>
    public MimeMessage OneTimePassword(string to, string product, string password, bool registration, TimeSpan lifetime)
    {
        product = DisplayName(product);
        var minutes = Minutes(lifetime);
        if (English)
        {
            var subject = $"Your one-time password for {product}";
            return Compose(to, subject, new MailBody(Language, subject)
                .Paragraph(registration
                    ? $"Thank you for registering with {product}."
                    : $"Someone (hopefully you) asked to use {product} on a computer with this e-mail address.")
                .Paragraph("Your one-time password is:")
                .Code(password)
                .Paragraph($"Enter it in {product} to confirm your e-mail address and receive your license. It works once, for {minutes}.")
                .Paragraph("Did you not ask for it? Then ignore this e-mail: nothing happens without the password."));
        }

        var onderwerp = $"Uw eenmalige wachtwoord voor {product}";
        return Compose(to, onderwerp, new MailBody(Language, onderwerp)
            .Paragraph(registration
                ? $"Bedankt voor uw registratie bij {product}."
                : $"Iemand (hopelijk u) wil {product} gebruiken op een computer met dit e-mailadres.")
            .Paragraph("Uw eenmalige wachtwoord is:")
            .Code(password)
            .Paragraph($"Voer het in {product} in om uw e-mailadres te bevestigen en uw licentie te ontvangen. Het werkt één keer en {minutes} lang.")
            .Paragraph("Heeft u hier niet om gevraagd? Negeer deze e-mail dan: zonder het wachtwoord gebeurt er niets."));
    }

    /// <summary>
    /// The password that confirms a new registration (F5): it names the company registered with this address and says how
    /// to refuse it, for the owner of an address someone else typed in.
    /// </summary>
    public MimeMessage RegistrationPassword(string to, string product, string password, string companyName, TimeSpan lifetime, TimeSpan reservation)
    {
        product = DisplayName(product);
        var minutes = Minutes(lifetime);
        var days = Math.Max(1, (int)Math.Ceiling(reservation.TotalDays));
        if (English)
        {
            var subject = $"Your one-time password to confirm the registration of {companyName} for {product}";
            return Compose(to, subject, new MailBody(Language, subject)
                .Paragraph($"The company \"{companyName}\" was just registered for {product} with this e-mail address.")
                .Paragraph("Your one-time password is:")
                .Code(password)
                .Paragraph($"Enter it in {product} on the computer where you registered, to confirm your e-mail address and receive your license. "
                    + $"It works once, for {minutes}.")
                .Paragraph($"Did you not register \"{companyName}\"? Then refuse it by doing nothing: do not enter this password and do not pass it on to anyone. "
                    + $"Without it the registration cannot be confirmed; after {(days == 1 ? "1 day" : $"{days} days")} it lapses and nothing remains tied to your e-mail address.")
                .Paragraph("Is the company yours and did someone else register it? Then contact the vendor."));
        }

        var onderwerp = $"Uw eenmalige wachtwoord om de registratie van {companyName} voor {product} te bevestigen";
        return Compose(to, onderwerp, new MailBody(Language, onderwerp)
            .Paragraph($"Het bedrijf \"{companyName}\" is zojuist voor {product} geregistreerd met dit e-mailadres.")
            .Paragraph("Uw eenmalige wachtwoord is:")
            .Code(password)
            .Paragraph($"Voer het in {product} in op de computer waarop u het bedrijf hebt geregistreerd. Zo bevestigt u uw e-mailadres en ontvangt u uw licentie. "
                + $"Het wachtwoord werkt één keer en {minutes} lang.")
            .Paragraph($"Heeft u \"{companyName}\" niet geregistreerd? Weiger het dan door niets te doen: voer dit wachtwoord niet in en geef het aan niemand door. "
                + $"Zonder wachtwoord kan de registratie niet worden bevestigd; na {(days == 1 ? "1 dag" : $"{days} dagen")} vervalt ze en blijft er niets aan uw e-mailadres gekoppeld.")
            .Paragraph("Is het bedrijf van u en heeft iemand anders het geregistreerd? Neem dan contact op met de leverancier."));
    }

    /// <summary>The notice to an address already in use that someone tried to register a new company with it.</summary>
    public MimeMessage RegistrationAttempt(string to, string product)
    {
        product = DisplayName(product);
        if (English)
        {
            var subject = $"Someone tried to register {product} with your e-mail address";
            return Compose(to, subject, new MailBody(Language, subject)
                .Paragraph($"Someone just tried to register a new company for {product} with this e-mail address, which already belongs to an account.")
                .Paragraph($"Nothing was changed. Was it you? Then choose \"existing company\" in {product} and enter this e-mail address; you will receive a one-time password.")
                .Paragraph("Was it not you? Then you can ignore this e-mail."));
        }

        var onderwerp = $"Iemand probeerde {product} te registreren met uw e-mailadres";
        return Compose(to, onderwerp, new MailBody(Language, onderwerp)
            .Paragraph($"Iemand probeerde zojuist een nieuw bedrijf voor {product} te registreren met dit e-mailadres, dat al bij een account hoort.")
            .Paragraph($"Er is niets veranderd. Was u het zelf? Kies dan in {product} voor \"bestaand bedrijf\" en vul dit e-mailadres in; u ontvangt dan een eenmalig wachtwoord.")
            .Paragraph("Was u het niet? Dan kunt u deze e-mail negeren."));
    }

    private string Minutes(TimeSpan lifetime)
    {
        var minutes = (int)lifetime.TotalMinutes;
        return English ? (minutes == 1 ? "1 minute" : $"{minutes} minutes") : (minutes == 1 ? "1 minuut" : $"{minutes} minuten");
    }

    private string DisplayName(string product) => Email.ProductNames.TryGetValue(product, out var name) && name.Length > 0 ? name : product;

    private MimeMessage Compose(string to, string subject, MailBody body)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(Email.FromName, Email.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = body.ToMimeEntity();
        return message;
    }
}
