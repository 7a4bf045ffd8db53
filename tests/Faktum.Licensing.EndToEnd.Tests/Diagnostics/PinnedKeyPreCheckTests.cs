using Faktum.Licensing.EndToEnd.Tests.Infrastructure;
using Faktum.Licensing.Tokens;

namespace Faktum.Licensing.EndToEnd.Tests.Diagnostics;

/// <summary>
/// Issue 15, item 4: an app that pins the wrong key (another server's real key) learns it before the one-time password is spent,
/// from the keys the real server publishes at /.well-known/jwks.json — and the same password confirms once the right key is pinned.
/// </summary>
public sealed class PinnedKeyPreCheckTests
{
    [Fact]
    public async Task Confirming_against_a_server_that_signs_with_an_unpinned_key_fails_with_ServerKeyNotTrusted_and_the_password_still_works_with_the_right_key()
    {
        await using var server = await E2eServer.StartAsync();
        var computer = server.Computer("computer-1");
        using var otherServersKey = Ed25519SigningKey.Generate();
        string password;

        using (var wrong = new HostApp(server, computer, configure: options =>
        {
            options.TrustedKeys.Clear();
            options.TrustedKeys[otherServersKey.KeyId] = otherServersKey.PublicKey.ExportPublicKeyBase64Url();
        }))
        {
            (await wrong.Licensing.RegisterCompanyAsync(HostApp.Registration())).EnsureSuccess();
            password = server.ReadOneTimePassword(HostApp.Email);

            var refused = await wrong.Licensing.ConfirmAsync(HostApp.Email, password);

            Assert.Equal(LicensingFailure.ServerKeyNotTrusted, refused.Failure);
            Assert.Contains("keys do not match", refused.Message, StringComparison.Ordinal);
            Assert.Contains(server.SigningKeyId, refused.Message, StringComparison.Ordinal);
            Assert.Contains(otherServersKey.KeyId, refused.Message, StringComparison.Ordinal);
            Assert.Contains("password was not used", refused.Message, StringComparison.Ordinal);
            Assert.False(File.Exists(wrong.TokenPath));
        }

        using var right = new HostApp(server, computer);
        var confirmed = await right.Licensing.ConfirmAsync(HostApp.Email, password);

        Assert.Equal(LicenseState.Trial, confirmed.EnsureSuccess().State);
    }
}
