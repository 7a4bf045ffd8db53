using System.Text.RegularExpressions;

namespace Faktum.Factuur;

/// <summary>Reads one-time passwords from the embedded server's e-mail pickup folder (.eml files).</summary>
internal static partial class Mailbox
{
    /// <summary>Waits for a mail to <paramref name="email"/> holding a password not in <paramref name="seen"/>.</summary>
    public static async Task<string?> WaitForPasswordAsync(string folder, string email, IReadOnlyCollection<string> seen, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        while (true)
        {
            if (Directory.Exists(folder))
            {
                foreach (var file in new DirectoryInfo(folder).GetFiles("*.eml").OrderByDescending(f => f.LastWriteTimeUtc))
                {
                    var text = (await File.ReadAllTextAsync(file.FullName, cancellationToken).ConfigureAwait(false)).Replace("=\r\n", string.Empty, StringComparison.Ordinal).Replace("=\n", string.Empty, StringComparison.Ordinal);
                    if (!text.Contains(email, StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    if (OneTimePassword().Match(text) is { Success: true } match && !seen.Contains(match.Value))
                    {
                        return match.Value;
                    }
                }
            }

            if (Environment.TickCount64 > deadline)
            {
                return null;
            }

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The mail files in <paramref name="folder"/> now (none when it does not exist yet).</summary>
    public static IReadOnlySet<string> Snapshot(string folder) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml").ToHashSet(StringComparer.Ordinal) : new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// Waits until a mail file not in <paramref name="before"/> appears. The server sends through its outbox just after
    /// it answers, so a command that stops the embedded server right after the answer waits for the mail first.
    /// </summary>
    public static async Task<bool> WaitForNewMailAsync(string folder, IReadOnlySet<string> before, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        while (!Snapshot(folder).Except(before).Any())
        {
            if (Environment.TickCount64 > deadline)
            {
                return false;
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    [GeneratedRegex(@"\b[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}\b")]
    private static partial Regex OneTimePassword();
}
