using Faktum.Licensing.Server.Configuration;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Faktum.Licensing.Server.Email;

/// <summary>Writes the server's mails, in Dutch (default) or English. Each names the product and what to do next.</summary>
internal sealed class EmailComposer(IOptions<FaktumServerOptions> options)
{
    private EmailOptions Email => options.Value.Email;

    private bool English => string.Equals(Email.Language, "en", StringComparison.OrdinalIgnoreCase);

    public MimeMessage OneTimePassword(string to, string product, string password, bool registration, TimeSpan lifetime)
    {
        product = DisplayName(product);
        var minutes = (int)lifetime.TotalMinutes;
        var (subject, body) = English
            ? ($"Your one-time password for {product}",
               (registration
                   ? $"Thank you for registering with {product}.\n\n"
                   : $"Someone (hopefully you) asked to use {product} on a computer with this e-mail address.\n\n")
               + $"Your one-time password is:\n\n    {password}\n\n"
               + $"Type it into {product} to confirm your e-mail address and receive your license. "
               + $"It works once and for {minutes} minutes. If you did not ask for it, ignore this mail; nothing happens without the password.\n")
            : ($"Uw eenmalige wachtwoord voor {product}",
               (registration
                   ? $"Dank u voor uw registratie bij {product}.\n\n"
                   : $"Iemand (hopelijk u) wil {product} gebruiken op een computer met dit e-mailadres.\n\n")
               + $"Uw eenmalige wachtwoord is:\n\n    {password}\n\n"
               + $"Voer het wachtwoord in {product} in om uw e-mailadres te bevestigen en uw licentie te ontvangen. "
               + $"Het werkt één keer en {minutes} minuten lang. Heeft u hier niet om gevraagd, negeer deze e-mail dan; zonder het wachtwoord gebeurt er niets.\n");
        return Compose(to, subject, body);
    }

    /// <summary>
    /// The password that confirms a new registration (F5): it names the company registered with this address and says how
    /// to refuse it, for the owner of an address someone else typed in.
    /// </summary>
    public MimeMessage RegistrationPassword(string to, string product, string password, string companyName, TimeSpan lifetime, TimeSpan reservation)
    {
        var minutes = (int)lifetime.TotalMinutes;
        var days = Math.Max(1, (int)Math.Ceiling(reservation.TotalDays));
        var (subject, body) = English
            ? ($"Your one-time password to confirm the registration of {companyName} for {product}",
               $"The company \"{companyName}\" was just registered for {product} with this e-mail address.\n\n"
               + $"Your one-time password is:\n\n    {password}\n\n"
               + $"Type it into {product} on the computer where you registered to confirm your e-mail address and receive your license. "
               + $"It works once and for {minutes} minutes.\n\n"
               + $"Did you not register \"{companyName}\"? Then refuse it by doing nothing: do not type in this password and do not pass it on to anyone. "
               + $"Without it the registration cannot be confirmed; after {days} days it lapses and nothing remains tied to your e-mail address. "
               + "If the company is yours and someone else registered it, contact the vendor.\n")
            : ($"Uw eenmalige wachtwoord om de registratie van {companyName} voor {product} te bevestigen",
               $"Het bedrijf \"{companyName}\" is zojuist geregistreerd voor {product} met dit e-mailadres.\n\n"
               + $"Uw eenmalige wachtwoord is:\n\n    {password}\n\n"
               + $"Vul het in in {product} op de computer waarop u registreerde om uw e-mailadres te bevestigen en uw licentie te ontvangen. "
               + $"Het werkt één keer en {minutes} minuten lang.\n\n"
               + $"Heeft u \"{companyName}\" niet geregistreerd? Weiger het dan door niets te doen: vul dit wachtwoord niet in en geef het aan niemand door. "
               + $"Zonder wachtwoord kan de registratie niet worden bevestigd; na {days} dagen vervalt ze en blijft er niets aan uw e-mailadres gekoppeld. "
               + "Is het bedrijf van u en heeft iemand anders het geregistreerd, neem dan contact op met de leverancier.\n");
        return Compose(to, subject, body);
    }

    public MimeMessage RegistrationAttempt(string to, string product)
    {
        product = DisplayName(product);
        var (subject, body) = English
            ? ($"Someone tried to register {product} with your e-mail address",
               $"Someone just tried to register a new company for {product} with this e-mail address, which already belongs to an account.\n\n"
               + $"Nothing was changed. If it was you: choose \"existing company\" in {product} and enter this e-mail address; you will receive a one-time password. "
               + "If it was not you, you can ignore this mail.\n")
            : ($"Iemand probeerde {product} te registreren met uw e-mailadres",
               $"Iemand probeerde zojuist een nieuw bedrijf te registreren voor {product} met dit e-mailadres, dat al bij een account hoort.\n\n"
               + $"Er is niets veranderd. Was u het zelf? Kies dan in {product} voor \"bestaand bedrijf\" en vul dit e-mailadres in; u ontvangt dan een eenmalig wachtwoord. "
               + "Was u het niet, dan kunt u deze e-mail negeren.\n");
        return Compose(to, subject, body);
    }

    private string DisplayName(string product) => Email.ProductNames.TryGetValue(product, out var name) && name.Length > 0 ? name : product;

    private MimeMessage Compose(string to, string subject, string body)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(Email.FromName, Email.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };
        return message;
    }
}
