using Faktum.Licensing.Updates;

namespace Faktum.Licensing.Tests.Updates;

public class UpdatePolicyTests
{
    private static readonly DateTimeOffset Now = ReleaseFixture.Now;

    /// <summary>One row of the decision table: an installation, a catalog, the license's bucket and the expected decision.</summary>
    public sealed record Row(
        string Installed,
        ReleaseChannel Channel,
        ReleaseManifest[] Catalog,
        UpdateDecisionKind Kind,
        string? Release = null,
        string? Newest = null,
        UpdateRequiredReason Reason = UpdateRequiredReason.None,
        int Bucket = 50,
        int? UpdatesEndDaysAgo = 0,
        Func<ReleaseManifest, int>? EffectiveRollout = null);

    private static readonly Dictionary<string, Row> Cases = new()
    {
        ["empty catalog"] = new Row("2.0.0", ReleaseChannel.Stable, [], UpdateDecisionKind.UpToDate),
        ["only older and equal releases"] = new Row("2.0.0", ReleaseChannel.Stable, [R("1.9.0"), R("2.0.0")], UpdateDecisionKind.UpToDate),
        ["a newer stable release"] = new Row("2.0.0", ReleaseChannel.Stable, [R("2.0.0"), R("2.1.0")], UpdateDecisionKind.UpdateAvailable, "2.1.0", "2.1.0"),
        ["the newest of several newer releases"] = new Row("2.0.0", ReleaseChannel.Stable, [R("2.2.0"), R("2.1.0"), R("2.1.5")], UpdateDecisionKind.UpdateAvailable, "2.2.0", "2.2.0"),
        ["build metadata only is not newer"] = new Row("2.1.0+build.1", ReleaseChannel.Stable, [R("2.1.0+build.2")], UpdateDecisionKind.UpToDate),
        ["a pre-release installation is offered its release"] = new Row("2.1.0-beta.1", ReleaseChannel.Beta, [R("2.1.0")], UpdateDecisionKind.UpdateAvailable, "2.1.0", "2.1.0"),
        ["another product's release is ignored"] = new Row("2.0.0", ReleaseChannel.Stable, [R("3.0.0", product: "faktum-kassa")], UpdateDecisionKind.UpToDate),
        ["a release published in the future is not offered"] = new Row("2.0.0", ReleaseChannel.Stable, [R("2.1.0", publishedDaysAgo: -1)], UpdateDecisionKind.UpToDate),

        // Channels.
        ["stable does not see beta"] = new Row("2.0.0", ReleaseChannel.Stable, [R("2.1.0-beta.1", ReleaseChannel.Beta)], UpdateDecisionKind.UpToDate),
        ["stable does not see alpha"] = new Row("2.0.0", ReleaseChannel.Stable, [R("2.1.0-alpha.1", ReleaseChannel.Alpha)], UpdateDecisionKind.UpToDate),
        ["stable skips beta and takes stable"] = new Row("2.0.0", ReleaseChannel.Stable, [R("2.1.0"), R("2.2.0-beta.1", ReleaseChannel.Beta)], UpdateDecisionKind.UpdateAvailable, "2.1.0", "2.1.0"),
        ["beta sees beta"] = new Row("2.0.0", ReleaseChannel.Beta, [R("2.1.0"), R("2.2.0-beta.1", ReleaseChannel.Beta)], UpdateDecisionKind.UpdateAvailable, "2.2.0-beta.1", "2.2.0-beta.1"),
        ["beta sees stable"] = new Row("2.0.0", ReleaseChannel.Beta, [R("2.1.0")], UpdateDecisionKind.UpdateAvailable, "2.1.0", "2.1.0"),
        ["beta does not see alpha"] = new Row("2.0.0", ReleaseChannel.Beta, [R("2.1.0"), R("2.2.0-alpha.1", ReleaseChannel.Alpha)], UpdateDecisionKind.UpdateAvailable, "2.1.0", "2.1.0"),
        ["alpha sees alpha"] = new Row("2.0.0", ReleaseChannel.Alpha, [R("2.1.0"), R("2.2.0-beta.1", ReleaseChannel.Beta), R("2.2.0-beta.2", ReleaseChannel.Alpha)], UpdateDecisionKind.UpdateAvailable, "2.2.0-beta.2", "2.2.0-beta.2"),
        ["alpha sees beta and stable"] = new Row("2.0.0", ReleaseChannel.Alpha, [R("2.1.0"), R("2.2.0-beta.1", ReleaseChannel.Beta)], UpdateDecisionKind.UpdateAvailable, "2.2.0-beta.1", "2.2.0-beta.1"),
        ["a stable release beats the beta it follows"] = new Row("2.1.0-beta.3", ReleaseChannel.Beta, [R("2.1.0-beta.3", ReleaseChannel.Beta), R("2.1.0")], UpdateDecisionKind.UpdateAvailable, "2.1.0", "2.1.0"),

        // Required.
        ["a mandatory newer release"] = new Row("2.0.0", ReleaseChannel.Stable, [R("2.1.0", mandatory: true)], UpdateDecisionKind.UpdateRequired, "2.1.0", "2.1.0", UpdateRequiredReason.Mandatory),
        ["a mandatory release requires the newest entitled one"] = new Row("2.0.0", ReleaseChannel.Stable, [R("2.1.0", mandatory: true), R("2.2.0")], UpdateDecisionKind.UpdateRequired, "2.2.0", "2.2.0", UpdateRequiredReason.Mandatory),
        ["an older mandatory release requires nothing"] = new Row("2.0.0", ReleaseChannel.Stable, [R("1.9.0", mandatory: true)], UpdateDecisionKind.UpToDate),
        ["below the minimum supported version"] = new Row("2.0.0", ReleaseChannel.Stable, [R("2.1.0", minimum: "2.0.1")], UpdateDecisionKind.UpdateRequired, "2.1.0", "2.1.0", UpdateRequiredReason.BelowMinimumSupportedVersion),
        ["at the minimum supported version"] = new Row("2.0.0", ReleaseChannel.Stable, [R("2.1.0", minimum: "2.0.0")], UpdateDecisionKind.UpdateAvailable, "2.1.0", "2.1.0"),
        ["below a pre-release minimum"] = new Row("2.0.0-rc.1", ReleaseChannel.Stable, [R("2.0.0", minimum: "2.0.0")], UpdateDecisionKind.UpdateRequired, "2.0.0", "2.0.0", UpdateRequiredReason.BelowMinimumSupportedVersion),

        // Entitlement (the license's updates ended 20 days ago).
        ["a newer release after the entitlement ended"] = new Row("2.0.0", ReleaseChannel.Stable, [R("2.1.0", publishedDaysAgo: 10)], UpdateDecisionKind.UpdateNotEntitled, null, "2.1.0", UpdatesEndDaysAgo: 20),
        ["not entitled to the newest, entitled to an older newer one"] = new Row("2.0.0", ReleaseChannel.Stable, [R("2.1.0", publishedDaysAgo: 30), R("2.2.0", publishedDaysAgo: 10)], UpdateDecisionKind.UpdateNotEntitled, "2.1.0", "2.2.0", UpdatesEndDaysAgo: 20),
        ["published exactly when the entitlement ended"] = new Row("2.0.0", ReleaseChannel.Stable, [R("2.1.0", publishedDaysAgo: 20)], UpdateDecisionKind.UpdateAvailable, "2.1.0", "2.1.0", UpdatesEndDaysAgo: 20),
        ["no end to the entitlement"] = new Row("2.0.0", ReleaseChannel.Stable, [R("2.1.0", publishedDaysAgo: 1)], UpdateDecisionKind.UpdateAvailable, "2.1.0", "2.1.0", UpdatesEndDaysAgo: null),
        ["a mandatory release after the entitlement ended"] = new Row("2.0.0", ReleaseChannel.Stable, [R("2.1.0", publishedDaysAgo: 10, mandatory: true)], UpdateDecisionKind.UpdateNotEntitled, null, "2.1.0", UpdateRequiredReason.Mandatory, UpdatesEndDaysAgo: 20),
        ["an entitled mandatory release beats a newer unentitled one"] = new Row("2.0.0", ReleaseChannel.Stable, [R("2.1.0", publishedDaysAgo: 30, mandatory: true), R("2.2.0", publishedDaysAgo: 10)], UpdateDecisionKind.UpdateRequired, "2.1.0", "2.2.0", UpdateRequiredReason.Mandatory, UpdatesEndDaysAgo: 20),
        ["below the minimum, and the fix is not entitled"] = new Row("2.0.0", ReleaseChannel.Stable, [R("2.0.5", publishedDaysAgo: 30), R("2.1.0", publishedDaysAgo: 10, minimum: "2.1.0")], UpdateDecisionKind.UpdateNotEntitled, "2.0.5", "2.1.0", UpdateRequiredReason.BelowMinimumSupportedVersion, UpdatesEndDaysAgo: 20),

        // Staged rollout (the license's bucket is 50 unless stated).
        ["a rollout that does not reach the bucket"] = new Row("2.0.0", ReleaseChannel.Stable, [R("2.1.0", rollout: 50)], UpdateDecisionKind.UpToDate),
        ["a rollout that reaches the bucket"] = new Row("2.0.0", ReleaseChannel.Stable, [R("2.1.0", rollout: 51)], UpdateDecisionKind.UpdateAvailable, "2.1.0", "2.1.0"),
        ["bucket 0 and rollout 1"] = new Row("2.0.0", ReleaseChannel.Stable, [R("2.1.0", rollout: 1)], UpdateDecisionKind.UpdateAvailable, "2.1.0", "2.1.0", Bucket: 0),
        ["bucket 0 and rollout 0 (paused)"] = new Row("2.0.0", ReleaseChannel.Stable, [R("2.1.0", rollout: 0)], UpdateDecisionKind.UpToDate, Bucket: 0),
        ["a mandatory release bypasses the rollout"] = new Row("2.0.0", ReleaseChannel.Stable, [R("2.1.0", rollout: 0, mandatory: true)], UpdateDecisionKind.UpdateRequired, "2.1.0", "2.1.0", UpdateRequiredReason.Mandatory, Bucket: 99),
        ["an out-of-rollout release falls back to the older one"] = new Row("2.0.0", ReleaseChannel.Stable, [R("2.1.0"), R("2.2.0", rollout: 10)], UpdateDecisionKind.UpdateAvailable, "2.1.0", "2.1.0"),
        ["the server pauses a rollout"] = new Row("2.0.0", ReleaseChannel.Stable, [R("2.1.0")], UpdateDecisionKind.UpToDate, EffectiveRollout: _ => 0),
        ["the server cannot widen a signed rollout"] = new Row("2.0.0", ReleaseChannel.Stable, [R("2.1.0", rollout: 10)], UpdateDecisionKind.UpToDate, EffectiveRollout: _ => 100),
        ["an unrolled release's minimum does not bind"] = new Row("2.0.0", ReleaseChannel.Stable, [R("2.1.0", rollout: 10, minimum: "2.1.0")], UpdateDecisionKind.UpToDate),

        // Re-signing: the highest sequence per release id wins.
        ["a later signing widens the rollout"] = new Row("2.0.0", ReleaseChannel.Stable, [R("2.1.0", rollout: 10, sequence: 5), R("2.1.0", rollout: 100, sequence: 8)], UpdateDecisionKind.UpdateAvailable, "2.1.0", "2.1.0"),
        ["a later signing narrows the rollout"] = new Row("2.0.0", ReleaseChannel.Stable, [R("2.1.0", rollout: 100, sequence: 5), R("2.1.0", rollout: 0, sequence: 8)], UpdateDecisionKind.UpToDate),

        // Withdrawal.
        ["a withdrawn newer release is not offered"] = new Row("2.0.0", ReleaseChannel.Stable, [R("2.1.0", sequence: 5), R("2.1.0", withdrawn: true, sequence: 9)], UpdateDecisionKind.UpToDate),
        ["a withdrawn release falls back to the previous one"] = new Row("2.0.0", ReleaseChannel.Stable, [R("2.0.5"), R("2.1.0", withdrawn: true)], UpdateDecisionKind.UpdateAvailable, "2.0.5", "2.0.5"),
        ["the installed version withdrawn, an older one remains"] = new Row("2.0.0", ReleaseChannel.Stable, [R("1.9.0", sequence: 3), R("2.0.0", sequence: 4), R("2.0.0", withdrawn: true, sequence: 6)], UpdateDecisionKind.InstalledVersionWithdrawn, "1.9.0"),
        ["the installed version withdrawn, a newer one exists"] = new Row("2.0.0", ReleaseChannel.Stable, [R("1.9.0"), R("2.0.0", withdrawn: true), R("2.0.1")], UpdateDecisionKind.InstalledVersionWithdrawn, "2.0.1", "2.0.1"),
        ["the installed version withdrawn, nothing else"] = new Row("2.0.0", ReleaseChannel.Stable, [R("2.0.0", withdrawn: true)], UpdateDecisionKind.InstalledVersionWithdrawn),
        ["the installed beta withdrawn on a stable installation"] = new Row("2.1.0-beta.1", ReleaseChannel.Stable, [R("2.0.0"), R("2.1.0-beta.1", ReleaseChannel.Beta, withdrawn: true)], UpdateDecisionKind.InstalledVersionWithdrawn, "2.0.0"),
        ["the installed version withdrawn, replacement outside the rollout"] = new Row("2.0.0", ReleaseChannel.Stable, [R("2.0.0", withdrawn: true), R("2.0.1", rollout: 10)], UpdateDecisionKind.InstalledVersionWithdrawn, "2.0.1"),
        ["the installed version withdrawn, replacement not entitled"] = new Row("2.0.0", ReleaseChannel.Stable, [R("1.9.0", publishedDaysAgo: 60), R("2.0.0", withdrawn: true, publishedDaysAgo: 40), R("2.0.1", publishedDaysAgo: 5)], UpdateDecisionKind.InstalledVersionWithdrawn, "1.9.0", "2.0.1", UpdatesEndDaysAgo: 20),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Decision_table(string name)
    {
        var c = Cases[name];
        var query = new UpdateQuery(
            ReleaseFixture.Product,
            ReleaseVersion.Parse(c.Installed),
            c.Channel,
            c.UpdatesEndDaysAgo is { } days ? Now.AddDays(-days) : null,
            Now);

        var decision = UpdatePolicy.Decide(query, c.Catalog, _ => c.Bucket, c.EffectiveRollout);

        Assert.Equal(c.Kind, decision.Kind);
        Assert.Equal(c.Release, decision.Release?.Version);
        Assert.Equal(c.Newest, decision.NewestRelease?.Version);
        Assert.Equal(c.Reason, decision.RequiredReason);
    }

    [Fact]
    public void The_catalog_head_is_the_highest_sequence_the_installation_can_see()
    {
        ReleaseManifest[] catalog = [R("2.1.0", sequence: 4), R("2.0.0", withdrawn: true, sequence: 9), R("2.2.0-beta.1", ReleaseChannel.Beta, sequence: 12)];
        var query = new UpdateQuery(ReleaseFixture.Product, ReleaseVersion.Parse("1.0.0"), ReleaseChannel.Stable, null, Now);

        var decision = UpdatePolicy.Decide(query, catalog, _ => 0);

        Assert.Equal(9, decision.CatalogHead?.Sequence);
        Assert.Equal(9, decision.EvidenceSequence);
    }

    [Fact]
    public void The_rollout_bucket_is_asked_per_release()
    {
        var asked = new List<string>();
        var query = new UpdateQuery(ReleaseFixture.Product, ReleaseVersion.Parse("2.0.0"), ReleaseChannel.Stable, null, Now);

        var decision = UpdatePolicy.Decide(query, [R("2.1.0", rollout: 50), R("2.2.0", rollout: 50)], r =>
        {
            asked.Add(r.ReleaseId);
            return r.Version == "2.1.0" ? 10 : 90;
        });

        Assert.Equal("2.1.0", decision.Release?.Version);
        Assert.Contains("rel-2.1.0", asked);
        Assert.Contains("rel-2.2.0", asked);
    }

    private static ReleaseManifest R(
        string version,
        ReleaseChannel channel = ReleaseChannel.Stable,
        int publishedDaysAgo = 40,
        bool mandatory = false,
        string? minimum = null,
        int rollout = 100,
        bool withdrawn = false,
        long sequence = 1,
        string product = ReleaseFixture.Product) =>
        ReleaseFixture.Manifest(version, sequence, m => m with
        {
            Channel = channel,
            PublishedAt = Now.AddDays(-publishedDaysAgo),
            Mandatory = mandatory,
            MinimumSupportedVersion = minimum,
            RolloutPercentage = rollout,
            Withdrawn = withdrawn,
            ProductId = product,
        });
}
