using System.Text.RegularExpressions;
using MimeKit;

namespace Faktum.Licensing.Testing;

/// <summary>
/// The license server's e-mail pickup folder as tests and benchmarks read it: the .eml files to one address, oldest
/// first, and the one-time password inside. Linked into each project that needs it (one copy of the code).
/// </summary>
internal static partial class PickupFolder
{
    /// <summary>The mails to <paramref name="email"/>, oldest first.</summary>
    /// <remarks>
    /// A mail the server deletes while the folder is read (its maintenance removes a mail once its <c>until-</c> time has passed,
    /// which a test that advances the server's clock brings about) is not in the list: it was there when listed, gone when opened.
    /// </remarks>
    public static IReadOnlyList<MimeMessage> MessagesTo(string directory, string email) =>
        (Directory.Exists(directory) ? Directory.GetFiles(directory, "*.eml") : [])
            .Select(f => (File: f, Message: LoadUnlessDeleted(f)))
            .Where(m => m.Message is not null)
            .Select(m => (m.File, Message: m.Message!))
            .Where(m => m.Message.To.Mailboxes.Any(a => string.Equals(a.Address, email, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(m => File.GetLastWriteTimeUtc(m.File))
            .ThenBy(m => m.Message.Date)
            .Select(m => m.Message)
            .ToList();

    private static MimeMessage? LoadUnlessDeleted(string file)
    {
        try
        {
            return MimeMessage.Load(file);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Mails leave once the response is complete: wait (at most 10 s) until <paramref name="count"/> have arrived.</summary>
    public static IReadOnlyList<MimeMessage> WaitForMessagesTo(string directory, string email, int count = 1)
    {
        var deadline = Environment.TickCount64 + 10_000;
        while (true)
        {
            var messages = MessagesTo(directory, email);
            if (messages.Count >= count || Environment.TickCount64 > deadline)
            {
                return messages;
            }

            Thread.Sleep(25);
        }
    }

    /// <summary>The one-time password in <paramref name="message"/> (ABCDE-FGHJK), or <see langword="null"/>.</summary>
    public static string? PasswordIn(MimeMessage message) =>
        PasswordPattern().Match(message.TextBody ?? string.Empty) is { Success: true } match ? match.Value : null;

    [GeneratedRegex("[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}")]
    private static partial Regex PasswordPattern();
}
