using System.Net;
using System.Text;
using MimeKit;

namespace Faktum.Licensing.Server.Email;

/// <summary>
/// The body of one mail, written once and rendered twice: a plain-text part and an HTML part (multipart/alternative). Every
/// paragraph is text, never markup: the HTML part encodes all of it, so a company name such as <c>&lt;script&gt;</c> shows
/// as typed and runs nowhere.
/// </summary>
internal sealed class MailBody(string language, string title)
{
    private readonly List<(string Text, bool IsCode)> _blocks = [];

    /// <summary>Adds a paragraph of text (user-supplied values included as they are).</summary>
    public MailBody Paragraph(string text)
    {
        _blocks.Add((text, false));
        return this;
    }

    /// <summary>Adds the one-time password, set apart so it is easy to read and copy.</summary>
    public MailBody Code(string code)
    {
        _blocks.Add((code, true));
        return this;
    }

    public string PlainText() =>
        string.Join("\n\n", _blocks.Select(b => b.IsCode ? "    " + b.Text : b.Text)) + "\n";

    public string Html()
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(WebUtility.HtmlEncode(language)).Append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(WebUtility.HtmlEncode(title)).Append("</title>\n</head>\n<body style=\"font-family: sans-serif; line-height: 1.5;\">\n");
        foreach (var (text, isCode) in _blocks)
        {
            html.Append(isCode
                ? "<p style=\"font-family: monospace; font-size: 1.5em; letter-spacing: 0.1em;\"><strong>" + WebUtility.HtmlEncode(text) + "</strong></p>\n"
                : "<p>" + WebUtility.HtmlEncode(text) + "</p>\n");
        }

        return html.Append("</body>\n</html>\n").ToString();
    }

    /// <summary>
    /// The multipart/alternative body: the plain text first, the HTML part (preferred by mail programs that show HTML) last; both
    /// UTF-8 in quoted-printable, so the .eml is 7-bit and "één" survives every relay and reader.
    /// </summary>
    public MimeEntity ToMimeEntity() => new MultipartAlternative
    {
        new TextPart("plain") { Text = PlainText(), ContentTransferEncoding = ContentEncoding.QuotedPrintable },
        new TextPart("html") { Text = Html(), ContentTransferEncoding = ContentEncoding.QuotedPrintable },
    };
}
