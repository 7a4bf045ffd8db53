using Faktum.Licensing.Server.Keys;
using Faktum.Licensing.Server.Tests.Infrastructure;

namespace Faktum.Licensing.Server.Tests.Keys;

public sealed class ConfiguredKeyFileTests
{
    [Fact]
    public async Task Configured_key_files_are_used_and_the_newest_signs()
    {
        var keyFolder = Path.Combine(Path.GetTempPath(), "faktum-server-tests", Guid.NewGuid().ToString("N"));
        var (older, olderPath) = SigningKeyRing.Generate(keyFolder);
        var (newer, newerPath) = SigningKeyRing.Generate(keyFolder);
        File.SetLastWriteTimeUtc(olderPath, DateTime.UnixEpoch.AddYears(50));
        File.SetLastWriteTimeUtc(newerPath, DateTime.UnixEpoch.AddYears(51));
        using (older)
        using (newer)
        {
            await using var server = await ServerFixture.StartAsync(configure: c =>
            {
                c["FaktumServer:SigningKeyFiles:0"] = newerPath;
                c["FaktumServer:SigningKeyFiles:1"] = olderPath;
            });

            Assert.Equal([older.KeyId, newer.KeyId], server.Server.PublicKeys.Select(k => k.KeyId));
            Assert.False(Directory.Exists(Path.Combine(server.Server.DataDirectory, "keys")));
            var license = (await server.RegisterAndConfirmAsync("keys@example.nl")).License;
            Assert.Contains(newer.KeyId, System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(license.Split('.')[0])), StringComparison.Ordinal);
        }

        Directory.Delete(keyFolder, recursive: true);
    }

    [Fact]
    public async Task A_missing_configured_key_file_fails_the_start_with_a_message_that_says_what_to_do()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => ServerFixture.StartAsync(configure: c => c["FaktumServer:SigningKeyFiles:0"] = "/nonexistent/signing.pem"));
        Assert.Contains("keys generate", error.ToString(), StringComparison.Ordinal);
    }
}
