using System.Net;
using System.Text;
using System.Text.Json;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Tests.Infrastructure;
using Faktum.Licensing.Tokens;
using Microsoft.Extensions.Time.Testing;

namespace Faktum.Licensing.Tests.Startup;

public class StartupCheckTests
{
    [Fact]
    public async Task Check_async_nothing_registered_is_not_registered_without_calling_the_server()
    {
        using var host = new LicensingTestHost();

        var status = await host.Licensing.CheckAsync();

        Assert.Equal(LicenseState.NotRegistered, status.State);
        Assert.Equal(LicenseMode.ReadOnly, status.Mode);
        Assert.Empty(host.Server.Requests);
        Assert.False(Directory.Exists(host.DataDirectory));
    }

    [Fact]
    public async Task Check_async_sends_exactly_license_app_version_channel_and_nonce_and_nothing_else()
    {
        using var host = new LicensingTestHost(o => o.Channel = "beta");
        await host.RegisterAndConfirmAsync();
        var token = File.ReadAllText(host.TokenPath);

        await host.Licensing.CheckAsync();

        var request = host.Server.Requests.Single(r => r.Path == "/v1/startup");
        Assert.Equal("POST", request.Method);
        using var json = JsonDocument.Parse(request.Body);
        Assert.Equal(["appVersion", "channel", "license", "nonce"], json.RootElement.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(token, json.RootElement.GetProperty("license").GetString());
        Assert.Equal("2.3.1", json.RootElement.GetProperty("appVersion").GetString());
        Assert.Equal("beta", json.RootElement.GetProperty("channel").GetString());
        Assert.Equal(32, Base64UrlDecode(json.RootElement.GetProperty("nonce").GetString()!).Length);
        Assert.DoesNotContain("Cookie", request.Headers.Keys);
        Assert.DoesNotContain("Authorization", request.Headers.Keys);
        Assert.DoesNotContain("User-Agent", request.Headers.Keys);
    }

    [Fact]
    public async Task Check_async_each_check_uses_a_fresh_nonce()
    {
        using var host = new LicensingTestHost();
        await host.RegisterAndConfirmAsync();

        await host.Licensing.CheckAsync();
        await host.Licensing.CheckAsync();

        var nonces = host.Server.Requests.Where(r => r.Path == "/v1/startup").Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("nonce").GetString()).ToList();
        Assert.Equal(2, nonces.Distinct().Count());
    }

    [Theory]
    [InlineData(LicenseVerdictNames.Licensed, LicenseState.Licensed, LicenseMode.RunNormally)]
    [InlineData(LicenseVerdictNames.Trial, LicenseState.Trial, LicenseMode.RunNormally)]
    [InlineData(LicenseVerdictNames.TrialExpired, LicenseState.TrialExpired, LicenseMode.ReadOnly)]
    [InlineData(LicenseVerdictNames.Expired, LicenseState.Expired, LicenseMode.ReadOnly)]
    [InlineData(LicenseVerdictNames.Suspended, LicenseState.Suspended, LicenseMode.ReadOnly)]
    [InlineData(LicenseVerdictNames.Revoked, LicenseState.Revoked, LicenseMode.ReadOnly)]
    [InlineData(LicenseVerdictNames.Moved, LicenseState.MovedToAnotherInstallation, LicenseMode.ReadOnly)]
    [InlineData(LicenseVerdictNames.Unknown, LicenseState.NotRegistered, LicenseMode.ReadOnly)]
    public async Task Check_async_verdict_maps_to_state(string verdict, LicenseState expected, LicenseMode mode)
    {
        using var host = new LicensingTestHost();
        await host.RegisterAndConfirmAsync();
        host.Server.Verdict = verdict;

        var status = await host.Licensing.CheckAsync();

        Assert.Equal(expected, status.State);
        Assert.Equal(mode, status.Mode);
        Assert.True(status.IsConfirmedOnline);
        Assert.Equal("Bakkerij Jansen B.V.", status.Company?.Name);
        Assert.Null(status.UpdateDecision);
    }

    [Fact]
    public async Task Check_async_trial_reports_the_servers_days_left_stores_the_refreshed_token_and_the_server_time()
    {
        using var host = new LicensingTestHost();
        await host.RegisterAndConfirmAsync();
        var before = File.ReadAllText(host.TokenPath);
        host.Time.Advance(TimeSpan.FromHours(1));

        var status = await host.Licensing.CheckAsync();

        Assert.Equal(LicenseState.Trial, status.State);
        Assert.Equal(30, status.DaysLeft);
        Assert.NotEqual(before, File.ReadAllText(host.TokenPath));
        using var state = JsonDocument.Parse(File.ReadAllText(host.StatePath));
        Assert.Equal(host.Time.GetUtcNow(), state.RootElement.GetProperty("highestServerTime").GetDateTimeOffset());
        Assert.Equal(host.Time.GetUtcNow(), state.RootElement.GetProperty("lastOnlineCheck").GetDateTimeOffset());
    }

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
    public async Task Check_async_local_clock_an_hour_ahead_of_the_server_is_still_confirmed_online()
    {
        using var host = new LicensingTestHost();
        await host.RegisterAndConfirmAsync();
        host.Server.ServerClockOffset = TimeSpan.FromHours(-1);

        var status = await host.Licensing.CheckAsync();

        Assert.Equal(LicenseState.Trial, status.State);
        Assert.True(status.IsConfirmedOnline, status.Message);
    }

    [Fact]
    public async Task Confirm_async_local_clock_an_hour_behind_the_server_stores_the_license_and_is_clock_rolled_back()
    {
        using var host = new LicensingTestHost();
        host.Server.ServerClockOffset = TimeSpan.FromHours(1);
        (await host.Licensing.RegisterCompanyAsync(LicensingTestHost.Registration())).EnsureSuccess();

        var confirmed = await host.Licensing.ConfirmAsync("info@bakkerij-jansen.example", "123456");

        Assert.Equal(LicenseState.ClockRolledBack, confirmed.EnsureSuccess().State);
        Assert.True(File.Exists(host.TokenPath));
    }

    [Fact]
    public async Task Check_async_server_clock_far_ahead_is_clock_rolled_back_and_the_offline_check_remembers_it()
    {
        using var host = new LicensingTestHost();
        await host.RegisterAndConfirmAsync();
        host.Server.ServerClockOffset = TimeSpan.FromDays(3);

        var online = await host.Licensing.CheckAsync();
        host.Server.Intercept = _ => throw new HttpRequestException("offline");
        var offline = await host.Licensing.CheckAsync();

        Assert.Equal(LicenseState.ClockRolledBack, online.State);
        Assert.Equal(LicenseState.ClockRolledBack, offline.State);
        Assert.Equal(LicenseMode.ReadOnly, offline.Mode);
    }

    [Fact]
    public async Task Check_async_server_unreachable_is_offline_grace_then_offline_grace_expired_after_the_grace()
    {
        using var host = new LicensingTestHost(o => o.OfflineGrace = TimeSpan.FromDays(14));
        await host.RegisterAndConfirmAsync();
        host.Server.Intercept = _ => throw new HttpRequestException("offline");

        host.Time.Advance(TimeSpan.FromDays(3));
        var early = await host.Licensing.CheckAsync();
        host.Time.Advance(TimeSpan.FromDays(10) + TimeSpan.FromHours(23));
        var late = await host.Licensing.CheckAsync();
        host.Time.Advance(TimeSpan.FromHours(2));
        var expired = await host.Licensing.CheckAsync();

        Assert.Equal((LicenseState.OfflineGrace, 11, LicenseMode.Warn), (early.State, early.DaysLeft, early.Mode));
        Assert.Equal((LicenseState.OfflineGrace, 1), (late.State, late.DaysLeft));
        Assert.Equal((LicenseState.OfflineGraceExpired, LicenseMode.ReadOnly), (expired.State, expired.Mode));
        Assert.Equal("Bakkerij Jansen B.V.", expired.Company?.Name);
    }

    [Fact]
    public async Task Check_async_grace_counts_from_the_last_successful_online_check()
    {
        using var host = new LicensingTestHost();
        await host.RegisterAndConfirmAsync();
        host.Time.Advance(TimeSpan.FromDays(10));
        Assert.True((await host.Licensing.CheckAsync()).IsConfirmedOnline);
        host.Server.Intercept = _ => throw new HttpRequestException("offline");
        host.Time.Advance(TimeSpan.FromDays(10));

        var status = await host.Licensing.CheckAsync();

        Assert.Equal((LicenseState.OfflineGrace, 4), (status.State, status.DaysLeft));
    }

    [Fact]
    public async Task Check_async_local_clock_set_back_is_clock_rolled_back()
    {
        using var host = new LicensingTestHost();
        await host.RegisterAndConfirmAsync();
        host.Time.Advance(TimeSpan.FromDays(5));
        await host.Licensing.CheckAsync();
        host.Server.Intercept = _ => throw new HttpRequestException("offline");

        // A new process on the same data folder, with the computer's clock set two days back.
        using var restarted = new LicensingTestHost(dataDirectory: host.DataDirectory, server: host.Server, time: new FakeTimeProvider(host.Time.GetUtcNow() - TimeSpan.FromDays(2)));
        var status = await restarted.Licensing.CheckAsync();

        Assert.Equal(LicenseState.ClockRolledBack, status.State);
        Assert.Contains("clock", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_async_local_clock_set_back_within_the_tolerance_is_still_fine()
    {
        using var host = new LicensingTestHost(o => o.ClockTolerance = TimeSpan.FromMinutes(5));
        await host.RegisterAndConfirmAsync();
        host.Server.Intercept = _ => throw new HttpRequestException("offline");

        using var restarted = new LicensingTestHost(dataDirectory: host.DataDirectory, server: host.Server, time: new FakeTimeProvider(host.Time.GetUtcNow() - TimeSpan.FromMinutes(4)));
        var status = await restarted.Licensing.CheckAsync();

        Assert.Equal(LicenseState.OfflineGrace, status.State);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task Check_async_server_errors_are_retried_then_offline(HttpStatusCode code)
    {
        using var host = new LicensingTestHost();
        await host.RegisterAndConfirmAsync();
        host.Server.Intercept = r => Task.FromResult<HttpResponseMessage?>(r.Path == "/v1/startup" ? new HttpResponseMessage(code) : null);

        var status = await host.Licensing.CheckAsync();

        Assert.Equal(LicenseState.OfflineGrace, status.State);
        Assert.Equal(3, host.Server.Count("/v1/startup"));
    }

    [Fact]
    public async Task Check_async_server_too_slow_times_out_and_is_offline()
    {
        using var host = new LicensingTestHost(o => o.RequestTimeout = TimeSpan.FromMilliseconds(150));
        await host.RegisterAndConfirmAsync();
        host.Server.Intercept = async r =>
        {
            if (r.Path == "/v1/startup")
            {
                await Task.Delay(TimeSpan.FromSeconds(30), r.Aborted);
            }

            return null;
        };

        var started = System.Diagnostics.Stopwatch.StartNew();
        var status = await host.Licensing.CheckAsync();

        Assert.Equal(LicenseState.OfflineGrace, status.State);
        Assert.Contains("in time", status.Message, StringComparison.Ordinal);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(15), started.Elapsed.ToString());
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"response\":42}")]
    [InlineData("{\"response\":\"a.b.c\"}")]
    [InlineData("[]")]
    public async Task Check_async_garbled_body_is_refused_and_offline(string body)
    {
        using var host = new LicensingTestHost();
        await host.RegisterAndConfirmAsync();
        host.Server.Intercept = r => Task.FromResult<HttpResponseMessage?>(r.Path == "/v1/startup" ? FakeLicenseServer.Json(HttpStatusCode.OK, body) : null);

        var status = await host.Licensing.CheckAsync();

        Assert.Equal(LicenseState.OfflineGrace, status.State);
        Assert.False(status.IsConfirmedOnline);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Check_async_oversize_body_is_refused_while_reading(bool announceLength)
    {
        using var host = new LicensingTestHost(o => o.MaxResponseBytes = 4096);
        await host.RegisterAndConfirmAsync();
        host.Server.Intercept = r =>
        {
            if (r.Path != "/v1/startup")
            {
                return Task.FromResult<HttpResponseMessage?>(null);
            }

            var bytes = Encoding.UTF8.GetBytes("{\"response\":\"" + new string('a', 100_000) + "\"}");
            HttpContent content = announceLength ? new ByteArrayContent(bytes) : new StreamContent(new UnknownLengthStream(bytes));
            return Task.FromResult<HttpResponseMessage?>(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
        };

        var status = await host.Licensing.CheckAsync();

        Assert.Equal(LicenseState.OfflineGrace, status.State);
        Assert.Contains("larger than 4096", status.Message, StringComparison.Ordinal);
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

    [Theory]
    [InlineData(LicenseVerdictNames.Revoked, LicenseState.Revoked)]
    [InlineData(LicenseVerdictNames.Suspended, LicenseState.Suspended)]
    [InlineData(LicenseVerdictNames.Moved, LicenseState.MovedToAnotherInstallation)]
    [InlineData(LicenseVerdictNames.TrialExpired, LicenseState.TrialExpired)]
    public async Task Offline_after_a_lapsed_verdict_stays_lapsed(string verdict, LicenseState expected)
    {
        using var host = new LicensingTestHost();
        await host.RegisterAndConfirmAsync();
        host.Server.Verdict = verdict;
        await host.Licensing.CheckAsync();
        host.Server.Intercept = _ => throw new HttpRequestException("offline");

        var status = await host.Licensing.CheckAsync();

        Assert.Equal(expected, status.State);
        Assert.False(status.IsConfirmedOnline);
        Assert.Contains("last online check", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offline_after_a_moved_verdict_and_a_recovery_back_here_is_offline_grace()
    {
        using var host = new LicensingTestHost();
        await host.RegisterAndConfirmAsync();
        host.Server.Verdict = LicenseVerdictNames.Moved;
        Assert.Equal(LicenseState.MovedToAnotherInstallation, (await host.Licensing.CheckAsync()).State);
        (await host.Licensing.RequestOneTimePasswordAsync("info@bakkerij-jansen.example")).EnsureSuccess();
        (await host.Licensing.ConfirmAsync("info@bakkerij-jansen.example", "123456")).EnsureSuccess();
        host.Server.Intercept = _ => throw new HttpRequestException("offline");

        var status = await host.Licensing.CheckAsync();

        Assert.Equal(LicenseState.OfflineGrace, status.State);
    }

    [Fact]
    public async Task Offline_trial_past_its_end_is_trial_expired()
    {
        using var host = new LicensingTestHost(o => o.OfflineGrace = TimeSpan.FromDays(60));
        await host.RegisterAndConfirmAsync();
        host.Server.Intercept = _ => throw new HttpRequestException("offline");
        host.Time.Advance(TimeSpan.FromDays(31));

        var status = await host.Licensing.CheckAsync();

        Assert.Equal(LicenseState.TrialExpired, status.State);
    }

    [Fact]
    public async Task Status_changed_is_raised_when_the_state_changes()
    {
        using var host = new LicensingTestHost();
        await host.RegisterAndConfirmAsync();
        var changes = new List<LicenseStatusChangedEventArgs>();
        host.Licensing.StatusChanged += (_, e) => changes.Add(e);

        await host.Licensing.CheckAsync();
        await host.Licensing.CheckAsync();
        host.Server.Verdict = LicenseVerdictNames.Revoked;
        await host.Licensing.CheckAsync();

        var change = Assert.Single(changes);
        Assert.Equal((LicenseState.Trial, LicenseState.Revoked), (change.Previous.State, change.Current.State));
    }

    internal static byte[] Base64UrlDecode(string text) => System.Buffers.Text.Base64Url.DecodeFromChars(text);

    private static string Base64Url(string json) => System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
