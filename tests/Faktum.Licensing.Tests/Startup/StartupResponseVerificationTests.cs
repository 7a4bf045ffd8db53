using System.Net;
using System.Text;
using System.Text.Json;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Tests.Infrastructure;
using Faktum.Licensing.Tokens;
using Microsoft.Extensions.Time.Testing;

namespace Faktum.Licensing.Tests.Startup;

/// <summary>The start-up check refuses every answer it cannot verify: replays, foreign or unpinned keys, stale or unknown verdicts, refreshed tokens of another installation.</summary>
public class StartupResponseVerificationTests
{
    [Fact]
    public async Task Check_async_response_replayed_with_an_old_nonce_is_refused()
    {
        using var host = new LicensingTestHost();
        await host.RegisterAndConfirmAsync();
        await host.Licensing.CheckAsync();
        var old = host.Server.LastStartupResponse!;
        var tokenBefore = File.ReadAllText(host.TokenPath);
        host.Server.Verdict = LicenseVerdictNames.Licensed;
        host.Server.Intercept = r => Task.FromResult<HttpResponseMessage?>(r.Path == "/v1/startup"
            ? FakeLicenseServer.Json(HttpStatusCode.OK, JsonSerializer.Serialize(new { response = old }))
            : null);

        var status = await host.Licensing.CheckAsync();

        Assert.False(status.IsConfirmedOnline);
        Assert.Equal(LicenseState.OfflineGrace, status.State);
        Assert.Contains("nonce", status.Message, StringComparison.Ordinal);
        Assert.Equal(tokenBefore, File.ReadAllText(host.TokenPath));
    }

    [Fact]
    public async Task Check_async_response_signed_by_an_unpinned_key_is_refused()
    {
        using var host = new LicensingTestHost();
        await host.RegisterAndConfirmAsync();
        using var foreign = Ed25519SigningKey.Generate();
        host.Server.StartupSigningKey = foreign;
        host.Server.Verdict = LicenseVerdictNames.Licensed;

        var status = await host.Licensing.CheckAsync();

        Assert.False(status.IsConfirmedOnline);
        Assert.Equal(LicenseState.OfflineGrace, status.State);
        Assert.Contains(nameof(LicenseTokenFailure.UnknownKey), status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_async_cached_token_of_a_key_no_longer_pinned_is_presented_and_a_good_verdict_without_a_new_license_is_not_trusted()
    {
        using var host = new LicensingTestHost();
        await host.RegisterAndConfirmAsync();
        var tokenBefore = File.ReadAllText(host.TokenPath);
        using var next = Ed25519SigningKey.Generate();
        host.Server.StartupSigningKey = next;
        host.Server.Verdict = LicenseVerdictNames.Licensed;
        host.Server.EditStartupPayload = payload => payload.Remove(StartupResponseClaimNames.License);
        using var updated = new LicensingTestHost(o =>
        {
            o.TrustedKeys.Clear();
            o.TrustedKeys[next.KeyId] = next.ExportPublicKeyBase64Url();
        }, dataDirectory: host.DataDirectory, server: host.Server);

        var status = await updated.Licensing.CheckAsync();

        Assert.Equal(1, host.Server.Count("/v1/startup"));
        Assert.Equal((LicenseState.Invalid, LicenseTokenFailure.UnknownKey, false), (status.State, status.InvalidReason, status.IsConfirmedOnline));
        Assert.Null(status.Claims);
        Assert.Equal(tokenBefore, File.ReadAllText(host.TokenPath));
    }

    [Fact]
    public async Task Check_async_cached_token_of_a_key_no_longer_pinned_takes_a_signed_lapsed_verdict_without_trusting_the_token()
    {
        using var host = new LicensingTestHost();
        await host.RegisterAndConfirmAsync();
        using var next = Ed25519SigningKey.Generate();
        host.Server.StartupSigningKey = next;
        host.Server.Verdict = LicenseVerdictNames.Suspended;
        using var updated = new LicensingTestHost(o =>
        {
            o.TrustedKeys.Clear();
            o.TrustedKeys[next.KeyId] = next.ExportPublicKeyBase64Url();
        }, dataDirectory: host.DataDirectory, server: host.Server);

        var status = await updated.Licensing.CheckAsync();

        Assert.Equal((LicenseState.Suspended, LicenseMode.ReadOnly, true), (status.State, status.Mode, status.IsConfirmedOnline));
        Assert.Null(status.Claims);
    }

    [Fact]
    public async Task Check_async_response_signed_by_a_pinned_key_under_a_foreign_kid_is_refused()
    {
        using var host = new LicensingTestHost();
        await host.RegisterAndConfirmAsync();
        using var foreign = Ed25519SigningKey.Generate();
        host.Server.Intercept = r =>
        {
            if (r.Path != "/v1/startup")
            {
                return Task.FromResult<HttpResponseMessage?>(null);
            }

            // A valid signature from the foreign key, relabelled with the pinned kid: the pinned key must not verify it.
            var nonce = JsonDocument.Parse(r.Body).RootElement.GetProperty("nonce").GetString()!;
            var forged = host.Server.MintStartupResponse(nonce, key: foreign).Split('.');
            var header = Base64Url($$"""{"alg":"Ed25519","kid":"{{host.Server.Key.KeyId}}","typ":"faktum-startup+jwt"}""");
            return Task.FromResult<HttpResponseMessage?>(FakeLicenseServer.Json(HttpStatusCode.OK, JsonSerializer.Serialize(new { response = $"{header}.{forged[1]}.{forged[2]}" })));
        };

        var status = await host.Licensing.CheckAsync();

        Assert.False(status.IsConfirmedOnline);
        Assert.Contains(nameof(LicenseTokenFailure.BadSignature), status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_async_expired_response_is_refused()
    {
        using var host = new LicensingTestHost();
        await host.RegisterAndConfirmAsync();
        var now = host.Time.GetUtcNow();
        host.Server.EditStartupPayload = p =>
        {
            p["iat"] = now.AddMinutes(-30).ToUnixTimeSeconds();
            p["exp"] = now.AddMinutes(-25).ToUnixTimeSeconds();
        };

        var status = await host.Licensing.CheckAsync();

        Assert.False(status.IsConfirmedOnline);
        Assert.Contains("expired", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_async_response_with_an_unknown_verdict_is_refused()
    {
        using var host = new LicensingTestHost();
        await host.RegisterAndConfirmAsync();
        host.Server.EditStartupPayload = p => p["verdict"] = "licensed-forever";

        var status = await host.Licensing.CheckAsync();

        Assert.False(status.IsConfirmedOnline);
        Assert.Contains("verdict", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_async_license_refused_by_the_server_is_invalid()
    {
        using var host = new LicensingTestHost();
        await host.RegisterAndConfirmAsync();
        host.Server.Intercept = r => Task.FromResult<HttpResponseMessage?>(r.Path == "/v1/startup" ? FakeLicenseServer.Problem(HttpStatusCode.Unauthorized, ProblemTypes.InvalidLicenseToken) : null);

        var status = await host.Licensing.CheckAsync();

        Assert.Equal(LicenseState.Invalid, status.State);
        Assert.Equal(1, host.Server.Count("/v1/startup"));
    }

    [Fact]
    public async Task Check_async_refreshed_token_for_another_installation_is_refused()
    {
        using var host = new LicensingTestHost();
        await host.RegisterAndConfirmAsync();
        host.Server.EditStartupPayload = p => p["license"] = host.Server.IssueLicense("someone-else");

        var status = await host.Licensing.CheckAsync();

        Assert.False(status.IsConfirmedOnline);
        Assert.Contains(nameof(LicenseTokenFailure.InstallationMismatch), status.Message, StringComparison.Ordinal);
    }

    private static string Base64Url(string json) => System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
}
