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
