using MimeKit;

namespace Faktum.Licensing.Server.Email;

/// <summary>Writes each message as an .eml file into a folder, atomically: a temporary file first, then a rename.</summary>
internal sealed class PickupDirectoryEmailSender(string directory) : IEmailSender
{
    public string Directory { get; } = directory;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var name = $"{Guid.NewGuid():N}";
        var temp = Path.Combine(Directory, name + ".tmp");
        var final = Path.Combine(Directory, name + ".eml");
        await message.WriteToAsync(temp, cancellationToken).ConfigureAwait(false);
        File.Move(temp, final);
    }
}
