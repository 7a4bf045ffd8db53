using Faktum.Licensing.Server.Keys;
using Faktum.Licensing.Server.Tests.Infrastructure;

namespace Faktum.Licensing.Server.Tests.Keys;

public sealed class VerificationKeyFileTests : IDisposable
{
    private readonly string _keys = Path.Combine(Path.GetTempPath(), "faktum-server-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_verification_only_key_verifies_presented_tokens_is_published_and_never_signs()
    {
        var (old, oldPath) = SigningKeyRing.Generate(Path.Combine(_keys, "old"));
        var (next, nextPath) = SigningKeyRing.Generate(Path.Combine(_keys, "next"));
        using (old)
        using (next)
        {
            var data = Path.Combine(_keys, "data");
            string license;
            await using (var before = await ServerFixture.StartAsync(dataDirectory: data, configure: c => c["FaktumServer:SigningKeyFiles:0"] = oldPath))
            {
                license = (await before.RegisterAndConfirmAsync("verify@example.nl")).License;
                Assert.Equal(old.KeyId, KeyIdOf(license));
            }

            // The old key's public half only: its private key may be destroyed.
            var oldPublic = Path.Combine(_keys, "old-public.pem");
            await File.WriteAllTextAsync(oldPublic, old.ExportPublicKeyPem());
            await using var after = await ServerFixture.StartAsync(dataDirectory: data, configure: c =>
            {
                c["FaktumServer:SigningKeyFiles:0"] = nextPath;
                c["FaktumServer:VerificationKeyFiles:0"] = oldPublic;
            });

            Assert.Equal(next.KeyId, after.Server.SigningKeyId);
            Assert.Equal([old.KeyId, next.KeyId], after.Server.PublicKeys.Select(k => k.KeyId));
            Assert.Equal([old.KeyId, next.KeyId], (await after.JwksAsync()).Select(k => k.KeyId));
            var startup = await after.StartupAsync(license);
            Assert.Equal("trial", startup.GetProperty("verdict").GetString());
            Assert.Equal(next.KeyId, KeyIdOf(startup.GetProperty("license").GetString()!));
            Assert.Equal(next.KeyId, KeyIdOf((await after.RegisterAndConfirmAsync("new@example.nl", "install-two-0002", "Drukkerij De Vries", "5678 CD")).License));
        }
    }

    [Fact]
    public async Task A_new_key_staged_for_verification_verifies_its_tokens_while_the_old_key_keeps_signing()
    {
        var (old, oldPath) = SigningKeyRing.Generate(Path.Combine(_keys, "old"));
        var (next, nextPath) = SigningKeyRing.Generate(Path.Combine(_keys, "next"));
        using (old)
        using (next)
        {
            // Newer or not, a key in VerificationKeyFiles never signs (its file here is even the newest).
            File.SetLastWriteTimeUtc(oldPath, DateTime.UnixEpoch.AddYears(50));
            var data = Path.Combine(_keys, "data");
            string signedByNext;
            await using (var switched = await ServerFixture.StartAsync(dataDirectory: data, configure: c => c["FaktumServer:SigningKeyFiles:0"] = nextPath))
            {
                signedByNext = (await switched.RegisterAndConfirmAsync("staged@example.nl")).License;
            }

            await using var staged = await ServerFixture.StartAsync(dataDirectory: data, configure: c =>
            {
                c["FaktumServer:SigningKeyFiles:0"] = oldPath;
                c["FaktumServer:VerificationKeyFiles:0"] = nextPath;
            });

            Assert.Equal(old.KeyId, staged.Server.SigningKeyId);
            var startup = await staged.StartupAsync(signedByNext);
            Assert.Equal("trial", startup.GetProperty("verdict").GetString());
            Assert.Equal(old.KeyId, KeyIdOf(startup.GetProperty("license").GetString()!));
        }
    }

    [Fact]
    public async Task A_verification_key_that_is_also_a_signing_key_is_loaded_once()
    {
        var (key, path) = SigningKeyRing.Generate(_keys);
        using (key)
        {
            await using var server = await ServerFixture.StartAsync(configure: c =>
            {
                c["FaktumServer:SigningKeyFiles:0"] = path;
                c["FaktumServer:VerificationKeyFiles:0"] = path;
            });

            Assert.Equal([key.KeyId], server.Server.PublicKeys.Select(k => k.KeyId));
            Assert.Single(await server.JwksAsync());
        }
    }

    [Fact]
    public async Task A_missing_verification_key_file_fails_the_start_with_a_message_that_says_what_to_do()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => ServerFixture.StartAsync(configure: c => c["FaktumServer:VerificationKeyFiles:0"] = "/nonexistent/old-public.pem"));
        Assert.Contains("FaktumServer:VerificationKeyFiles", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("keys public", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_public_key_among_the_signing_key_files_fails_the_start_and_points_to_verification_key_files()
    {
        var (key, path) = SigningKeyRing.Generate(_keys);
        using (key)
        {
            var publicPath = Path.Combine(_keys, "public.pem");
            await File.WriteAllTextAsync(publicPath, key.ExportPublicKeyPem());
            var error = await Assert.ThrowsAnyAsync<Exception>(() => ServerFixture.StartAsync(configure: c => c["FaktumServer:SigningKeyFiles:0"] = publicPath));
            Assert.Contains("VerificationKeyFiles", error.ToString(), StringComparison.Ordinal);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_keys))
        {
            Directory.Delete(_keys, recursive: true);
        }
    }

    private static string KeyIdOf(string token)
    {
        using var header = System.Text.Json.JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(token.Split('.')[0]));
        return header.RootElement.GetProperty("kid").GetString()!;
    }
}
