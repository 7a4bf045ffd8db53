using System.Globalization;
using Faktum.Licensing.Server.Hosting;
using MimeKit;

namespace Faktum.Licensing.Server.Email;

/// <summary>
/// Writes each message as an .eml file into a folder, atomically: a temporary file first, then a rename. On Unix the
/// folder is 0700 and each file 0600. A mail that holds a one-time password carries the password's expiry in its name
/// (<c>{id}.until-{unix seconds}.eml</c>) and is deleted by <see cref="DeleteExpired"/> once it has passed.
/// </summary>
internal sealed class PickupDirectoryEmailSender(string directory) : IEmailSender
{
    private const string UntilMarker = ".until-";

    public string Directory { get; } = directory;

    public Task SendAsync(MimeMessage message, CancellationToken cancellationToken) => SendAsync(message, null, cancellationToken);

    /// <summary>Writes <paramref name="message"/>; with <paramref name="removeAfter"/> it is deleted once that moment has passed.</summary>
    public async Task SendAsync(MimeMessage message, DateTimeOffset? removeAfter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        DataFolder.CreateOwnerOnlyDirectory(Directory);
        var name = $"{Guid.NewGuid():N}" + (removeAfter is { } until ? UntilMarker + until.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) : string.Empty);
        var temp = Path.Combine(Directory, name + ".tmp");
        var final = Path.Combine(Directory, name + ".eml");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = DataFolder.OwnerOnlyFile;
        }

        var stream = new FileStream(temp, options);
        await using (stream.ConfigureAwait(false))
        {
            await message.WriteToAsync(stream, cancellationToken).ConfigureAwait(false);
        }

        File.Move(temp, final);
    }

    /// <summary>Deletes the mails whose one-time password expired at or before <paramref name="now"/>; returns how many.</summary>
    public int DeleteExpired(DateTimeOffset now)
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return 0;
        }

        var deleted = 0;
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, "*" + UntilMarker + "*.eml"))
        {
            var stem = Path.GetFileNameWithoutExtension(file);
            var seconds = stem[(stem.LastIndexOf(UntilMarker, StringComparison.Ordinal) + UntilMarker.Length)..];
            if (long.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var unix) && DateTimeOffset.FromUnixTimeSeconds(unix) <= now)
            {
                try
                {
                    File.Delete(file);
                    deleted++;
                }
                catch (IOException)
                {
                    // picked up (moved) by a mail relay meanwhile, or in use: the next pass tries again
                }
            }
        }

        return deleted;
    }
}
