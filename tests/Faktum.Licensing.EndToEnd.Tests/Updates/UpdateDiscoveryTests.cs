using System.Buffers.Text;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Faktum.Licensing.EndToEnd.Tests.Infrastructure;
using Faktum.Licensing.Server.Storage;
using Faktum.Licensing.Tokens;
using Faktum.Licensing.Updates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Faktum.Licensing.EndToEnd.Tests.Updates;

/// <summary>
/// Update discovery end to end: the vendor signs releases with a release key made here, publishes them through the real
/// server's admin API, and the host app (installed version 2.3.1) learns the decision in its one startup call.
/// </summary>
public sealed class UpdateDiscoveryTests : IAsyncLifetime, IDisposable
{
    private readonly Ed25519SigningKey _releaseKey = Ed25519SigningKey.Generate();
    private E2eServer _server = null!;
    private HostApp _app = null!;
    private long _sequence;

    public async Task InitializeAsync()
    {
        _server = await E2eServer.StartAsync(configure: c => c[$"FaktumServer:Updates:ReleaseKeys:{_releaseKey.KeyId}"] = _releaseKey.ExportPublicKeyBase64Url());
        _app = new HostApp(_server, _server.Computer("computer-a"), configure: o => o.ReleaseKeys[_releaseKey.KeyId] = _releaseKey.ExportPublicKeyBase64Url());
        await _app.RegisterAndConfirmAsync(_server);
    }

    [Fact]
    public async Task Without_releases_the_app_is_up_to_date_and_a_newer_release_is_offered_at_the_next_start()
    {
        var before = await _app.Licensing.CheckAsync();
        await PublishAsync(Release("r-240", "2.4.0"));
        var after = await _app.Licensing.CheckAsync();

        Assert.Equal(UpdateDecisionKind.UpToDate, before.UpdateDecision!.Kind);
        Assert.Equal(UpdateDecisionKind.UpdateAvailable, after.UpdateDecision!.Kind);
        Assert.Equal("2.4.0", after.UpdateDecision.Release!.Version);
        Assert.Equal(LicenseState.Trial, after.State);
    }

    [Fact]
    public async Task A_mandatory_release_is_required()
    {
        await PublishAsync(Release("r-240", "2.4.0") with { Mandatory = true });

        var status = await _app.Licensing.CheckAsync();

        Assert.Equal(UpdateDecisionKind.UpdateRequired, status.UpdateDecision!.Kind);
        Assert.Equal(UpdateRequiredReason.Mandatory, status.UpdateDecision.RequiredReason);
    }

    [Fact]
    public async Task An_installed_version_below_the_minimum_supported_one_must_update()
    {
        await PublishAsync(Release("r-250", "2.5.0") with { MinimumSupportedVersion = "2.4.0" });

        var status = await _app.Licensing.CheckAsync();

        Assert.Equal(UpdateDecisionKind.UpdateRequired, status.UpdateDecision!.Kind);
        Assert.Equal(UpdateRequiredReason.BelowMinimumSupportedVersion, status.UpdateDecision.RequiredReason);
    }

    [Fact]
    public async Task A_release_published_after_the_update_entitlement_ended_is_not_entitled_and_the_last_entitled_one_is_named()
    {
        var now = _server.Time.GetUtcNow();
        await PublishAsync(Release("r-240", "2.4.0") with { PublishedAt = now.AddDays(-20) });
        await PublishAsync(Release("r-250", "2.5.0") with { PublishedAt = now.AddDays(-1) });
        var licenseId = _app.Licensing.Current.Claims!.LicenseId;
        using (var paid = await _server.Admin.PostAsync(
            new Uri($"v1/admin/licenses/{licenseId}/paid", UriKind.Relative),
            new StringContent($$"""{"endsAt":null,"updatesEndAt":"{{now.AddDays(-10):O}}"}""", Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        }

        var status = await _app.Licensing.CheckAsync();

        Assert.Equal(LicenseState.Licensed, status.State);
        Assert.Equal(UpdateDecisionKind.UpdateNotEntitled, status.UpdateDecision!.Kind);
        Assert.Equal("2.5.0", status.UpdateDecision.NewestRelease!.Version);
        Assert.Equal("2.4.0", status.UpdateDecision.Release!.Version);
    }

    [Fact]
    public async Task A_withdrawn_installed_version_is_reported()
    {
        var installed = Release("r-231", "2.3.1") with { PublishedAt = _server.Time.GetUtcNow().AddDays(-30) };
        await PublishAsync(installed);
        await PublishAsync(installed with { Sequence = ++_sequence, Withdrawn = true });

        var status = await _app.Licensing.CheckAsync();

        Assert.Equal(UpdateDecisionKind.InstalledVersionWithdrawn, status.UpdateDecision!.Kind);
    }

    [Fact]
    public async Task Pausing_a_rollout_hides_the_release_and_raising_it_offers_it_but_a_mandatory_release_ignores_rollout()
    {
        await PublishAsync(Release("r-240", "2.4.0"));
        await RolloutAsync("r-240", 0);
        var paused = await _app.Licensing.CheckAsync();
        await RolloutAsync("r-240", 100);
        var resumed = await _app.Licensing.CheckAsync();
        await PublishAsync(Release("r-250", "2.5.0") with { Mandatory = true, RolloutPercentage = 1 });
        await RolloutAsync("r-250", 0);
        var mandatory = await _app.Licensing.CheckAsync();

        Assert.Equal(UpdateDecisionKind.UpToDate, paused.UpdateDecision!.Kind);
        Assert.Equal(UpdateDecisionKind.UpdateAvailable, resumed.UpdateDecision!.Kind);
        Assert.Equal(UpdateDecisionKind.UpdateRequired, mandatory.UpdateDecision!.Kind);
        Assert.Equal("2.5.0", mandatory.UpdateDecision.Release!.Version);
    }

    [Fact]
    public async Task Publishing_refuses_an_altered_manifest_a_foreign_key_and_a_stale_sequence_and_stores_nothing()
    {
        var signed = JsonNode.Parse(ReleaseSigner.Sign(Release("r-240", "2.4.0"), _releaseKey))!;
        var bytes = Base64Url.DecodeFromChars(signed["manifest"]!.GetValue<string>());
        bytes[Array.IndexOf(bytes, (byte)'4')] = (byte)'9'; // 2.4.0 → 2.9.0 after signing
        signed["manifest"] = Base64Url.EncodeToString(bytes);
        using var licenseKey = Ed25519SigningKey.Generate(); // a key that is not a pinned release key

        var altered = await PostAsync(signed.ToJsonString());
        var foreign = await PostAsync(ReleaseSigner.Sign(Release("r-240", "2.4.0"), licenseKey));
        await PublishAsync(Release("r-240", "2.4.0"));
        var stale = await PostAsync(ReleaseSigner.Sign(Release("r-241", "2.4.1") with { Sequence = 1 }, _releaseKey));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, altered);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, foreign);
        Assert.Equal(HttpStatusCode.Conflict, stale);
        Assert.Equal(1, await CountReleasesAsync());
    }

    [Fact]
    public async Task A_server_that_hides_a_newer_release_cannot_roll_the_installation_back()
    {
        await PublishAsync(Release("r-240", "2.4.0"));
        await PublishAsync(Release("r-250", "2.5.0"));
        var offered = await _app.Licensing.CheckAsync();

        // A compromised or restored-from-backup server forgets the newest manifest and offers the older one again.
        await using (var scope = _server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
            await db.Releases.Where(r => r.ReleaseId == "r-250").ExecuteDeleteAsync();
        }

        var replayed = await _app.Licensing.CheckAsync();

        Assert.Equal("2.5.0", offered.UpdateDecision!.Release!.Version);
        Assert.Equal("2.5.0", replayed.UpdateDecision!.Release!.Version);
        Assert.Equal(LicenseState.Trial, replayed.State);
    }

    [Fact]
    public async Task An_app_without_pinned_release_keys_gets_no_update_decision()
    {
        await PublishAsync(Release("r-240", "2.4.0"));
        using var unpinned = new HostApp(_server, _app.DataDirectory);

        var status = await unpinned.Licensing.CheckAsync();

        Assert.Equal(LicenseState.Trial, status.State);
        Assert.Null(status.UpdateDecision);
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _server.DisposeAsync();
    }

    public void Dispose() => _releaseKey.Dispose();

    private ReleaseManifest Release(string releaseId, string version) => new()
    {
        ReleaseId = releaseId,
        ProductId = E2eServer.Product,
        Sequence = ++_sequence,
        Version = version,
        Channel = ReleaseChannel.Stable,
        PublishedAt = _server.Time.GetUtcNow().AddHours(-1),
        NotesUrl = new Uri($"https://faktum.example/releases/{version}"),
        DownloadUrl = new Uri($"https://faktum.example/download/faktum-{version}.zip"),
        Sha256 = new string('a', 64),
        Size = 1_000_000,
    };

    private async Task PublishAsync(ReleaseManifest manifest) =>
        Assert.Equal(HttpStatusCode.OK, await PostAsync(ReleaseSigner.Sign(manifest, _releaseKey)));

    private async Task<HttpStatusCode> PostAsync(string signedJson)
    {
        using var response = await _server.Admin.PostAsync(new Uri("v1/admin/releases", UriKind.Relative), new StringContent(signedJson, Encoding.UTF8, "application/json"));
        return response.StatusCode;
    }

    private async Task RolloutAsync(string releaseId, int percentage)
    {
        using var response = await _server.Admin.PostAsync(
            new Uri($"v1/admin/releases/{releaseId}/rollout", UriKind.Relative),
            new StringContent($$"""{"percentage":{{percentage}}}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    private async Task<int> CountReleasesAsync()
    {
        await using var scope = _server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LicensingDbContext>().Releases.CountAsync();
    }
}
