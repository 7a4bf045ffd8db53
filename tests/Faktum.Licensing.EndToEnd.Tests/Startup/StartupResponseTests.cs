using Faktum.Licensing.EndToEnd.Tests.Infrastructure;
using Faktum.Licensing.Http;
using Faktum.Licensing.Tokens;
using Microsoft.Extensions.DependencyInjection;

namespace Faktum.Licensing.EndToEnd.Tests.Startup;

public sealed class StartupResponseTests
{
    [Fact]
    public async Task A_real_startup_response_replayed_on_the_next_check_is_refused_for_its_old_nonce_and_the_offline_rules_apply()
    {
        await using var server = await E2eServer.StartAsync();
        var recording = new StartupRecording();
        using var app = new HostApp(server, server.Computer("computer-a"), build: builder =>
            builder.Services.AddHttpClient(LicenseServerClient.RetryingClientName).AddHttpMessageHandler(() => new StartupReplayHandler(recording)));
        await app.RegisterAndConfirmAsync(server);
        var recorded = await app.Licensing.CheckAsync();
        Assert.Equal(LicenseState.Trial, recorded.State);
        Assert.NotNull(recording.Body);

        recording.Replay = true;
        var replayed = await app.Licensing.CheckAsync();

        Assert.Equal(1, recording.Replayed);
        Assert.Equal(LicenseState.OfflineGrace, replayed.State);
        Assert.False(replayed.IsConfirmedOnline);
        Assert.Equal(14, replayed.DaysLeft);
        Assert.Contains("nonce", replayed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_only_a_key_the_server_does_not_sign_with_pinned_nothing_the_server_signs_is_trusted()
    {
        await using var server = await E2eServer.StartAsync();
        using var wrongKey = Ed25519SigningKey.Generate();
        void PinWrongKey(FaktumLicensingOptions options)
        {
            options.TrustedKeys.Clear();
            options.TrustedKeys[wrongKey.KeyId] = wrongKey.ExportPublicKeyBase64Url();
        }

        // A fresh installation: the confirmation is refused before the password is spent (the server publishes no pinned key), nothing is stored.
        using (var fresh = new HostApp(server, server.Computer("computer-a"), configure: PinWrongKey))
        {
            (await fresh.Licensing.RegisterCompanyAsync(HostApp.Registration())).EnsureSuccess();
            var confirmed = await fresh.Licensing.ConfirmAsync(HostApp.Email, server.ReadOneTimePassword(HostApp.Email));

            Assert.False(confirmed.Succeeded);
            Assert.Equal(LicensingFailure.ServerKeyNotTrusted, confirmed.Failure);
            Assert.False(File.Exists(fresh.TokenPath));
            Assert.Equal(LicenseState.NotRegistered, (await fresh.Licensing.CheckAsync()).State);
        }

        // An installation that holds a genuine license (the same password, unspent, confirms under the right pin): the first
        // check under the wrong pin refuses it.
        var computer = server.Computer("computer-a");
        using (var genuine = new HostApp(server, computer))
        {
            (await genuine.Licensing.ConfirmAsync(HostApp.Email, server.ReadOneTimePassword(HostApp.Email))).EnsureSuccess();
        }

        using var pinnedWrong = new HostApp(server, computer, configure: PinWrongKey);
        var status = await pinnedWrong.Licensing.CheckAsync();

        Assert.Equal(LicenseState.Invalid, status.State);
        Assert.Equal(LicenseTokenFailure.UnknownKey, status.InvalidReason);
        Assert.Equal(LicenseMode.ReadOnly, status.Mode);
    }
}
