using System.Net.Http.Json;
using System.Text.Json;
using Faktum.Licensing.EndToEnd.Tests.Infrastructure;
using Faktum.Licensing.Tokens;

namespace Faktum.Licensing.EndToEnd.Tests.Keys;

/// <summary>
/// The procedure of docs/operations.md, "Rotating the signing key", on the real server (key files made as <c>keys generate</c>
/// makes them, switched by restarting the server with other <c>SigningKeyFiles</c> and <c>VerificationKeyFiles</c>) and
/// real installations of the host app that pin keys through <c>AddFaktumLicensing</c>. An app only ever trusts the keys it
/// pins: never one a token's <c>kid</c> or the server's JWKS names.
/// </summary>
public sealed class SigningKeyRotationTests : IDisposable
{
    private const string OtherEmail = "info@drukkerij-de-vries.example";
    private readonly string _vendor = Path.Combine(Path.GetTempPath(), "faktum-e2e-vendor-keys", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_vendor_rotates_from_key_A_to_key_B_step_by_step_and_the_installed_apps_stay_licensed()
    {
        var a = VendorKey.Generate(Folder("a"));
        var b = VendorKey.Generate(Folder("b"));
        await using var server = await E2eServer.StartAsync(configure: VendorKey.ServerKeys([a.PrivateKeyFile]));
        var computer = server.Computer("computer-1");
        var seldomUsed = server.Computer("computer-2");

        // Before: the server signs with A; app version 1 pins A.
        Assert.Equal(a.KeyId, server.SigningKeyId);
        using (var version1 = new HostApp(server, computer, configure: VendorKey.Pin(a)))
        {
            Assert.Equal(LicenseState.Trial, (await version1.RegisterAndConfirmAsync(server)).State);
            Assert.Equal(a.KeyId, VendorKey.KeyIdOfToken(version1));
        }

        using (var version1 = new HostApp(server, seldomUsed, configure: VendorKey.Pin(a)))
        {
            (await version1.Licensing.RegisterCompanyAsync(HostApp.Registration("Drukkerij De Vries", "5678 CD", OtherEmail))).EnsureSuccess();
            (await version1.Licensing.ConfirmAsync(OtherEmail, server.ReadOneTimePassword(OtherEmail))).EnsureSuccess();
        }

        // Step 1: stage B. The server verifies B and publishes it, but still signs with A.
        await server.RestartAsync(VendorKey.ServerKeys([a.PrivateKeyFile], [b.PrivateKeyFile]));
        Assert.Equal(a.KeyId, server.SigningKeyId);
        Assert.Equal(new[] { a.KeyId, b.KeyId }.Order(StringComparer.Ordinal), (await JwksKeyIdsAsync(server)).Order(StringComparer.Ordinal));
        using (var version1 = new HostApp(server, computer, configure: VendorKey.Pin(a)))
        {
            var staged = await version1.Licensing.CheckAsync();
            Assert.Equal((LicenseState.Trial, true), (staged.State, staged.IsConfirmedOnline));
            Assert.Equal(a.KeyId, VendorKey.KeyIdOfToken(version1));
        }

        // Step 2: app version 2 pins A and B. Nothing changes yet: the server still signs with A.
        using (var version2 = new HostApp(server, computer, configure: VendorKey.Pin(a, b)))
        {
            var updated = await version2.Licensing.CheckAsync();
            Assert.Equal((LicenseState.Trial, true), (updated.State, updated.IsConfirmedOnline));
            Assert.Equal(a.KeyId, VendorKey.KeyIdOfToken(version2));
        }

        // Step 3: switch. B signs; A only verifies. The token signed by A is accepted and replaced by one signed by B.
        await server.RestartAsync(VendorKey.ServerKeys([b.PrivateKeyFile], [a.PrivateKeyFile]));
        Assert.Equal(b.KeyId, server.SigningKeyId);
        using (var version2 = new HostApp(server, computer, configure: VendorKey.Pin(a, b)))
        {
            var switched = await version2.Licensing.CheckAsync();
            Assert.Equal((LicenseState.Trial, LicenseMode.RunNormally, true), (switched.State, switched.Mode, switched.IsConfirmedOnline));
            Assert.Equal(30, switched.DaysLeft);
            Assert.Equal("Bakkerij Jansen B.V.", switched.Company!.Name);
            Assert.Equal(b.KeyId, VendorKey.KeyIdOfToken(version2));
        }

        // Step 4: retire A. Its private key is destroyed; its public half stays on the server, verification only.
        var aPublic = a.WritePublicHalf(Path.Combine(Folder("a"), "a-public.pem"));
        File.Delete(a.PrivateKeyFile);
        await server.RestartAsync(VendorKey.ServerKeys([b.PrivateKeyFile], [aPublic]));
        Assert.Equal(new[] { a.KeyId, b.KeyId }.Order(StringComparer.Ordinal), (await JwksKeyIdsAsync(server)).Order(StringComparer.Ordinal));

        // The seldom-used computer did not start during steps 1–3: it got version 2 and still holds a token signed by A.
        using (var late = new HostApp(server, seldomUsed, configure: VendorKey.Pin(a, b)))
        {
            Assert.Equal(a.KeyId, VendorKey.KeyIdOfToken(late));
            var refreshed = await late.Licensing.CheckAsync();
            Assert.Equal((LicenseState.Trial, true), (refreshed.State, refreshed.IsConfirmedOnline));
            Assert.Equal("Drukkerij De Vries", refreshed.Company!.Name);
            Assert.Equal(b.KeyId, VendorKey.KeyIdOfToken(late));
        }

        using (var version2 = new HostApp(server, computer, configure: VendorKey.Pin(a, b)))
        {
            Assert.Equal(LicenseState.Trial, (await version2.Licensing.CheckAsync()).State);
            Assert.Equal(b.KeyId, VendorKey.KeyIdOfToken(version2));
        }
    }

    [Fact]
    public async Task An_app_that_pins_only_the_old_key_runs_on_its_offline_grace_after_the_switch_until_it_gets_the_update()
    {
        var a = VendorKey.Generate(Folder("a"));
        var b = VendorKey.Generate(Folder("b"));
        await using var server = await E2eServer.StartAsync(configure: VendorKey.ServerKeys([a.PrivateKeyFile]));
        var computer = server.Computer("computer-1");
        using (var version1 = new HostApp(server, computer, configure: VendorKey.Pin(a)))
        {
            await version1.RegisterAndConfirmAsync(server);
        }

        await server.RestartAsync(VendorKey.ServerKeys([b.PrivateKeyFile], [a.PrivateKeyFile]));
        using (var version1 = new HostApp(server, computer, configure: VendorKey.Pin(a)))
        {
            var tokenBefore = await File.ReadAllTextAsync(version1.TokenPath);

            // Every answer is signed by B, which version 1 does not pin: it is refused, and the offline rules apply.
            var refused = await version1.Licensing.CheckAsync();
            Assert.Equal((LicenseState.OfflineGrace, LicenseMode.Warn, false), (refused.State, refused.Mode, refused.IsConfirmedOnline));
            Assert.Equal(14, refused.DaysLeft);
            Assert.Contains(nameof(LicenseTokenFailure.UnknownKey), refused.Message, StringComparison.Ordinal);
            Assert.Equal("Bakkerij Jansen B.V.", refused.Company!.Name);
            Assert.Equal(tokenBefore, await File.ReadAllTextAsync(version1.TokenPath));

            // Once the grace has run out the app drops to read-only; the data stays (I8).
            server.Time.Advance(TimeSpan.FromDays(14) + TimeSpan.FromMinutes(1));
            var expired = await version1.Licensing.CheckAsync();
            Assert.Equal((LicenseState.OfflineGraceExpired, LicenseMode.ReadOnly), (expired.State, expired.Mode));
            Assert.Equal(tokenBefore, await File.ReadAllTextAsync(version1.TokenPath));
        }

        // A new user of version 1 can register, but the license the server then sends is signed by B: a typed failure, nothing stored.
        using (var newUser = new HostApp(server, server.Computer("computer-2"), configure: VendorKey.Pin(a)))
        {
            (await newUser.Licensing.RegisterCompanyAsync(HostApp.Registration("Drukkerij De Vries", "5678 CD", OtherEmail))).EnsureSuccess();
            var confirmed = await newUser.Licensing.ConfirmAsync(OtherEmail, server.ReadOneTimePassword(OtherEmail));
            Assert.False(confirmed.Succeeded);
            Assert.Equal(LicensingFailure.InvalidResponse, confirmed.Failure);
            Assert.False(File.Exists(newUser.TokenPath));
        }

        // The update that pins B: the next start is online again, with a token signed by B.
        using var version2 = new HostApp(server, computer, configure: VendorKey.Pin(a, b));
        var updated = await version2.Licensing.CheckAsync();
        Assert.Equal((LicenseState.Trial, true, 16), (updated.State, updated.IsConfirmedOnline, updated.DaysLeft));
        Assert.Equal(b.KeyId, VendorKey.KeyIdOfToken(version2));
    }

    [Fact]
    public async Task During_a_rolling_switch_an_instance_that_has_not_staged_the_new_key_does_not_know_its_tokens_so_stage_first()
    {
        // One load-balanced server, played by one process restarted with each instance's configuration: the app meets them in turn.
        var a = VendorKey.Generate(Folder("a"));
        var b = VendorKey.Generate(Folder("b"));
        await using var server = await E2eServer.StartAsync(configure: VendorKey.ServerKeys([a.PrivateKeyFile]));
        var computer = server.Computer("computer-1");
        using (var app = new HostApp(server, computer, configure: VendorKey.Pin(a, b)))
        {
            await app.RegisterAndConfirmAsync(server);
        }

        // An instance that has switched: its answer carries a token signed by B.
        await server.RestartAsync(VendorKey.ServerKeys([b.PrivateKeyFile], [a.PrivateKeyFile]));
        using (var app = new HostApp(server, computer, configure: VendorKey.Pin(a, b)))
        {
            Assert.Equal(LicenseState.Trial, (await app.Licensing.CheckAsync()).State);
            Assert.Equal(b.KeyId, VendorKey.KeyIdOfToken(app));
        }

        // An instance not restarted yet, without B staged, cannot verify that token: it answers that it does not know the license.
        await server.RestartAsync(VendorKey.ServerKeys([a.PrivateKeyFile]));
        using (var app = new HostApp(server, computer, configure: VendorKey.Pin(a, b)))
        {
            var unknown = await app.Licensing.CheckAsync();
            Assert.Equal((LicenseState.NotRegistered, LicenseMode.ReadOnly, true), (unknown.State, unknown.Mode, unknown.IsConfirmedOnline));
            Assert.Equal(b.KeyId, VendorKey.KeyIdOfToken(app));
        }

        // The same instance with B staged (step 1) knows it, and answers with a token signed by A, which the app pins too.
        await server.RestartAsync(VendorKey.ServerKeys([a.PrivateKeyFile], [b.PrivateKeyFile]));
        using (var app = new HostApp(server, computer, configure: VendorKey.Pin(a, b)))
        {
            var staged = await app.Licensing.CheckAsync();
            Assert.Equal((LicenseState.Trial, true), (staged.State, staged.IsConfirmedOnline));
            Assert.Equal(a.KeyId, VendorKey.KeyIdOfToken(app));
        }

        await server.RestartAsync(VendorKey.ServerKeys([b.PrivateKeyFile], [a.PrivateKeyFile]));
        using (var app = new HostApp(server, computer, configure: VendorKey.Pin(a, b)))
        {
            Assert.Equal(LicenseState.Trial, (await app.Licensing.CheckAsync()).State);
            Assert.Equal(b.KeyId, VendorKey.KeyIdOfToken(app));
        }
    }

    [Fact]
    public async Task An_app_update_that_no_longer_pins_the_retired_key_is_sent_a_new_license_but_never_trusts_the_old_token_itself()
    {
        var a = VendorKey.Generate(Folder("a"));
        var b = VendorKey.Generate(Folder("b"));
        await using var server = await E2eServer.StartAsync(configure: VendorKey.ServerKeys([a.PrivateKeyFile]));
        var computer = server.Computer("computer-1");
        using (var version1 = new HostApp(server, computer, configure: VendorKey.Pin(a)))
        {
            await version1.RegisterAndConfirmAsync(server);
        }

        var aPublic = a.WritePublicHalf(Path.Combine(Folder("a"), "a-public.pem"));
        await server.RestartAsync(VendorKey.ServerKeys([b.PrivateKeyFile], [aPublic]));

        // Version 3 pins only B; this computer skipped versions 2 and still holds a token signed by A. Offline that token is refused.
        using (var offline = new HostApp(server, computer, configure: VendorKey.Pin(b)))
        {
            await server.StopAsync();
            var refused = await offline.Licensing.CheckAsync();
            Assert.Equal((LicenseState.Invalid, LicenseTokenFailure.UnknownKey, LicenseMode.ReadOnly), (refused.State, refused.InvalidReason, refused.Mode));
            Assert.Null(refused.Claims);
        }

        // Online the token is presented once more; the server verifies it under A's public half and answers with a license signed by B.
        await server.RestartAsync();
        using var version3 = new HostApp(server, computer, configure: VendorKey.Pin(b));
        var renewed = await version3.Licensing.CheckAsync();
        Assert.Equal((LicenseState.Trial, true), (renewed.State, renewed.IsConfirmedOnline));
        Assert.NotNull(renewed.Claims);
        Assert.Equal(b.KeyId, VendorKey.KeyIdOfToken(version3));
    }

    [Fact]
    public async Task When_the_server_drops_a_compromised_key_entirely_its_tokens_are_unknown_and_the_installation_recovers_by_email()
    {
        var a = VendorKey.Generate(Folder("a"));
        var b = VendorKey.Generate(Folder("b"));
        await using var server = await E2eServer.StartAsync(configure: VendorKey.ServerKeys([a.PrivateKeyFile]));
        var stale = server.Computer("computer-1");
        var current = server.Computer("computer-2");
        using (var app = new HostApp(server, stale, configure: VendorKey.Pin(a, b)))
        {
            await app.RegisterAndConfirmAsync(server);
        }

        using (var app = new HostApp(server, current, configure: VendorKey.Pin(a, b)))
        {
            (await app.Licensing.RegisterCompanyAsync(HostApp.Registration("Drukkerij De Vries", "5678 CD", OtherEmail))).EnsureSuccess();
            (await app.Licensing.ConfirmAsync(OtherEmail, server.ReadOneTimePassword(OtherEmail))).EnsureSuccess();
        }

        await server.RestartAsync(VendorKey.ServerKeys([b.PrivateKeyFile], [a.PrivateKeyFile]));
        using (var app = new HostApp(server, current, configure: VendorKey.Pin(a, b)))
        {
            Assert.Equal(LicenseState.Trial, (await app.Licensing.CheckAsync()).State);
            Assert.Equal(b.KeyId, VendorKey.KeyIdOfToken(app));
        }

        // A is compromised: the server stops verifying it at all.
        await server.RestartAsync(VendorKey.ServerKeys([b.PrivateKeyFile]));
        Assert.Equal([b.KeyId], await JwksKeyIdsAsync(server));
        using (var app = new HostApp(server, current, configure: VendorKey.Pin(a, b)))
        {
            var unaffected = await app.Licensing.CheckAsync();
            Assert.Equal((LicenseState.Trial, true), (unaffected.State, unaffected.IsConfirmedOnline));
        }

        // The installation that still holds a token signed by A gets a verdict it can trust (signed by B): the license is unknown.
        using var staleApp = new HostApp(server, stale, configure: VendorKey.Pin(a, b));
        var unknown = await staleApp.Licensing.CheckAsync();
        Assert.Equal((LicenseState.NotRegistered, LicenseMode.ReadOnly, true), (unknown.State, unknown.Mode, unknown.IsConfirmedOnline));
        Assert.Equal("Bakkerij Jansen B.V.", (await staleApp.Licensing.GetCompanyProfileAsync())!.Name);

        // "Existing company": a one-time password by e-mail, and the license comes back signed by B.
        (await staleApp.Licensing.RequestOneTimePasswordAsync(HostApp.Email)).EnsureSuccess();
        var recovered = (await staleApp.Licensing.ConfirmAsync(HostApp.Email, server.ReadOneTimePassword(HostApp.Email, count: 2))).EnsureSuccess();
        Assert.Equal(LicenseState.Trial, recovered.State);
        Assert.Equal(b.KeyId, VendorKey.KeyIdOfToken(staleApp));
        Assert.Equal(LicenseState.Trial, (await staleApp.Licensing.CheckAsync()).State);
    }

    [Fact]
    public async Task A_key_named_by_the_servers_jwks_and_by_every_kid_header_is_not_trusted_unless_the_app_pins_it()
    {
        var a = VendorKey.Generate(Folder("a"));
        var impostor = VendorKey.Generate(Folder("c"));
        await using var server = await E2eServer.StartAsync(configure: VendorKey.ServerKeys([a.PrivateKeyFile]));
        var computer = server.Computer("computer-1");
        using (var app = new HostApp(server, computer, configure: VendorKey.Pin(a)))
        {
            await app.RegisterAndConfirmAsync(server);
        }

        // The server now signs with C, publishes only C, and names C in every header; the app pins A.
        await server.RestartAsync(VendorKey.ServerKeys([impostor.PrivateKeyFile]));
        Assert.Equal([impostor.KeyId], await JwksKeyIdsAsync(server));
        using (var app = new HostApp(server, computer, configure: VendorKey.Pin(a)))
        {
            var tokenBefore = await File.ReadAllTextAsync(app.TokenPath);
            var status = await app.Licensing.CheckAsync();
            Assert.Equal((LicenseState.OfflineGrace, false), (status.State, status.IsConfirmedOnline));
            Assert.Contains(nameof(LicenseTokenFailure.UnknownKey), status.Message, StringComparison.Ordinal);
            Assert.Equal(tokenBefore, await File.ReadAllTextAsync(app.TokenPath));
        }

        using var fresh = new HostApp(server, server.Computer("computer-2"), configure: VendorKey.Pin(a));
        (await fresh.Licensing.RegisterCompanyAsync(HostApp.Registration("Drukkerij De Vries", "5678 CD", OtherEmail))).EnsureSuccess();
        var confirmed = await fresh.Licensing.ConfirmAsync(OtherEmail, server.ReadOneTimePassword(OtherEmail));
        Assert.Equal(LicensingFailure.ServerKeyNotTrusted, confirmed.Failure);
        Assert.False(File.Exists(fresh.TokenPath));
        Assert.Equal(LicenseState.NotRegistered, (await fresh.Licensing.CheckAsync()).State);
    }

    public void Dispose()
    {
        if (Directory.Exists(_vendor))
        {
            Directory.Delete(_vendor, recursive: true);
        }
    }

    private string Folder(string name) => Path.Combine(_vendor, name);

    private static async Task<string[]> JwksKeyIdsAsync(E2eServer server)
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        var jwks = await client.GetFromJsonAsync<JsonElement>(".well-known/jwks.json");
        return [.. jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()!)];
    }
}
