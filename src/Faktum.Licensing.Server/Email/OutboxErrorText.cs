using System.Text.RegularExpressions;

namespace Faktum.Licensing.Server.Email;

/// <summary>A delivery failure as the outbox stores it (<c>LastError</c>): never a one-time password or the SMTP password.</summary>
internal static partial class OutboxErrorText
{
    private const int MaxLength = 1000;

    /// <summary>The error's type and message, without anything shaped like a one-time password or the SMTP password, at most 1000 characters.</summary>
    public static string Describe(Exception exception, string? smtpPassword)
    {
        var text = $"{exception.GetType().Name}: {exception.Message}";
        text = OneTimePasswordShape().Replace(text, "[redacted]");
        if (smtpPassword is { Length: > 0 } secret)
        {
            text = text.Replace(secret, "[redacted]", StringComparison.Ordinal);
        }

        return text.Length <= MaxLength ? text : text[..MaxLength];
    }

    [GeneratedRegex("[2-9A-HJ-NP-Z]{5}-?[2-9A-HJ-NP-Z]{5}", RegexOptions.IgnoreCase)]
    private static partial Regex OneTimePasswordShape();
}
