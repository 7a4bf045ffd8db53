using System.Text.Json;
using Faktum.Licensing.Updates;

namespace Faktum.Licensing.Tests.Updates;

public class UpdateDecisionWireTests
{
    [Theory]
    [InlineData("1.0.0", UpdateDecisionKind.UpdateAvailable)]
    [InlineData("2.2.0", UpdateDecisionKind.UpToDate)]
    [InlineData("2.0.0", UpdateDecisionKind.InstalledVersionWithdrawn)]
    [InlineData("0.9.0", UpdateDecisionKind.UpdateRequired)]
    public void A_decision_round_trips_through_the_signed_wire_form(string installed, UpdateDecisionKind expected)
    {
        using var fixture = new ReleaseFixture();
        var (catalog, signed) = Catalog(fixture);
        var version = ReleaseVersion.Parse(installed);
        var decision = UpdatePolicy.Decide(new UpdateQuery(ReleaseFixture.Product, version, ReleaseChannel.Stable, null, ReleaseFixture.Now), catalog, _ => 0);
        Assert.Equal(expected, decision.Kind);

        using var document = JsonDocument.Parse(Write(decision, signed));
        Assert.True(UpdateDecisionWire.TryRead(document.RootElement, fixture.Verifier(), version, ReleaseChannel.Stable, out var read, out var error), error);

        Assert.Equal(decision, read);
    }

    [Fact]
    public void A_decision_with_a_release_signed_by_another_key_is_refused()
    {
        using var fixture = new ReleaseFixture();
        using var other = new ReleaseFixture();
        var (catalog, _) = Catalog(fixture);
        var version = ReleaseVersion.Parse("1.0.0");
        var decision = UpdatePolicy.Decide(new UpdateQuery(ReleaseFixture.Product, version, ReleaseChannel.Stable, null, ReleaseFixture.Now), catalog, _ => 0);

        using var document = JsonDocument.Parse(Write(decision, catalog.ToDictionary(m => m, other.Sign)));

        Assert.False(UpdateDecisionWire.TryRead(document.RootElement, fixture.Verifier(), version, ReleaseChannel.Stable, out _, out var error));
        Assert.Contains("UnknownKey", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("update-available", "none", "1.9.0", "2.1.0")]  // the offered release is not newer than installed
    [InlineData("update-available", "mandatory", "2.1.0", "2.1.0")]
    [InlineData("update-required", "none", "2.1.0", "2.1.0")]
    [InlineData("up-to-date", "none", "2.1.0", null)]
    [InlineData("update-not-entitled", "none", null, null)]
    [InlineData("installed-version-withdrawn", "none", "1.9.0", null)]  // the withdrawn installed version offered again
    [InlineData("update-available", "none", "2.2.0-beta.1", null)]   // a beta for a stable installation
    [InlineData("update-available", "none", "2.0.0", null)]   // a withdrawn release
    public void An_inconsistent_decision_is_refused(string kind, string reason, string? release, string? newest)
    {
        using var fixture = new ReleaseFixture();
        var (_, signed) = Catalog(fixture);
        var byVersion = signed.Keys.GroupBy(m => m.Version).ToDictionary(g => g.Key, g => g.MaxBy(m => m.Sequence)!);
        string Json(string? version) => version is null ? "null" : signed[byVersion[version]].ToJson();
        var text = $"{{\"decision\":\"{kind}\",\"reason\":\"{reason}\",\"release\":{Json(release)},\"newest\":{Json(newest)},\"head\":null}}";

        using var document = JsonDocument.Parse(text);

        Assert.False(UpdateDecisionWire.TryRead(document.RootElement, fixture.Verifier(), ReleaseVersion.Parse("1.9.0"), ReleaseChannel.Stable, out _, out _));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("{\"decision\":\"later\",\"reason\":\"none\",\"release\":null,\"newest\":null,\"head\":null}")]
    [InlineData("{\"decision\":\"up-to-date\",\"reason\":\"none\",\"release\":null,\"newest\":null}")]
    [InlineData("{\"decision\":\"up-to-date\",\"reason\":\"none\",\"release\":null,\"newest\":null,\"head\":null,\"x\":1}")]
    [InlineData("{\"decision\":\"up-to-date\",\"reason\":\"none\",\"release\":{},\"newest\":null,\"head\":null}")]
    public void A_malformed_decision_is_refused(string text)
    {
        using var fixture = new ReleaseFixture();
        using var document = JsonDocument.Parse(text);

        Assert.False(UpdateDecisionWire.TryRead(document.RootElement, fixture.Verifier(), ReleaseVersion.Parse("1.0.0"), ReleaseChannel.Stable, out _, out _));
    }

    private static (ReleaseManifest[] Catalog, Dictionary<ReleaseManifest, SignedRelease> Signed) Catalog(ReleaseFixture fixture)
    {
        ReleaseManifest[] catalog =
        [
            ReleaseFixture.Manifest("1.9.0", 1, m => m with { MinimumSupportedVersion = null }),
            ReleaseFixture.Manifest("2.0.0", 2, m => m with { MinimumSupportedVersion = null }),
            ReleaseFixture.Manifest("2.1.0", 3),
            ReleaseFixture.Manifest("2.0.0", 4, m => m with { Withdrawn = true, MinimumSupportedVersion = null }),
            ReleaseFixture.Manifest("2.2.0-beta.1", 5, m => m with { Channel = ReleaseChannel.Beta }),
        ];
        return (catalog, catalog.ToDictionary(m => m, fixture.Sign));
    }

    private static string Write(UpdateDecision decision, Dictionary<ReleaseManifest, SignedRelease> signed)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            UpdateDecisionWire.Write(writer, decision, m => signed[m]);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
