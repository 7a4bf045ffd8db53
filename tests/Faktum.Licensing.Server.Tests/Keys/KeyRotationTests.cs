using Faktum.Licensing.Server.Keys;
using Faktum.Licensing.Server.Tests.Infrastructure;

namespace Faktum.Licensing.Server.Tests.Keys;

public sealed class KeyRotationTests
{
    [Fact]
    public async Task After_adding_a_newer_key_it_signs_and_tokens_of_the_older_key_still_verify()
    {
        var root = Path.Combine(Path.GetTempPath(), "faktum-server-tests", Guid.NewGuid().ToString("N"));
        var data = Path.Combine(root, "data");
        string oldLicense;
        string oldKid;
        await using (var first = await ServerFixture.StartAsync(dataDirectory: data))
        {
            oldLicense = (await first.RegisterAndConfirmAsync("rotate@example.nl")).License;
            oldKid = first.Server.PublicKeys[0].KeyId;
        }

        var (newKey, path) = SigningKeyRing.Generate(data);
        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddMinutes(1));
        using (newKey)
        {
            await using var second = await ServerFixture.StartAsync(dataDirectory: data);

            Assert.Equal([oldKid, newKey.KeyId], second.Server.PublicKeys.Select(k => k.KeyId));
            Assert.Equal(2, (await second.JwksAsync()).Count);
            var startup = await second.StartupAsync(oldLicense);
            Assert.Equal("trial", startup.GetProperty("verdict").GetString());
            var refreshed = startup.GetProperty("license").GetString()!;
            Assert.Contains(newKey.KeyId, System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(refreshed.Split('.')[0])), StringComparison.Ordinal);
        }

        Directory.Delete(root, recursive: true);
    }
}

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
