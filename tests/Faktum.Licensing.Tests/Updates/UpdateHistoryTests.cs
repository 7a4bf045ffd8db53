using Faktum.Licensing.Updates;

namespace Faktum.Licensing.Tests.Updates;

public class UpdateHistoryTests
{
    [Fact]
    public void An_empty_history_accepts_anything_and_records_it()
    {
        var decision = Available("2.1.0", sequence: 7);

        Assert.Equal(UpdateHistoryVerdict.Accepted, UpdateHistory.Empty.Check(decision));
        Assert.Equal(new UpdateHistory(7, "2.1.0"), UpdateHistory.Empty.Record(decision));
    }

    [Fact]
    public void A_decision_older_than_the_catalog_already_seen_is_a_sequence_rollback()
    {
        var history = new UpdateHistory(9, "2.1.0");

        Assert.Equal(UpdateHistoryVerdict.SequenceRollback, history.Check(Available("2.1.0", sequence: 7)));
    }

    [Fact]
    public void An_older_version_offered_from_the_same_catalog_is_a_version_rollback()
    {
        var history = new UpdateHistory(9, "2.2.0");

        Assert.Equal(UpdateHistoryVerdict.VersionRollback, history.Check(Available("2.1.0", sequence: 4, head: 9)));
    }

    [Fact]
    public void An_older_version_offered_after_the_catalog_moved_on_is_accepted()
    {
        // The vendor withdrew 2.2.0 (a new signed manifest, sequence 10): 2.1.0 is now the right offer.
        var history = new UpdateHistory(9, "2.2.0");
        var decision = Available("2.1.0", sequence: 4, head: 10);

        Assert.Equal(UpdateHistoryVerdict.Accepted, history.Check(decision));
        Assert.Equal(new UpdateHistory(10, "2.1.0"), history.Record(decision));
    }

    [Fact]
    public void The_same_or_a_newer_offer_is_accepted_and_raises_the_high_water_mark()
    {
        var history = new UpdateHistory(9, "2.1.0");

        Assert.Equal(UpdateHistoryVerdict.Accepted, history.Check(Available("2.1.0", sequence: 9)));
        Assert.Equal(UpdateHistoryVerdict.Accepted, history.Check(Available("2.2.0", sequence: 9)));
        Assert.Equal(new UpdateHistory(9, "2.2.0"), history.Record(Available("2.2.0", sequence: 9)));
    }

    [Fact]
    public void Up_to_date_without_a_catalog_head_keeps_the_history()
    {
        var history = new UpdateHistory(9, "2.1.0");
        var decision = new UpdateDecision { Kind = UpdateDecisionKind.UpToDate };

        Assert.Equal(UpdateHistoryVerdict.Accepted, history.Check(decision));
        Assert.Equal(history, history.Record(decision));
    }

    [Fact]
    public void A_channel_change_forgets_the_offered_version_but_not_the_sequence()
    {
        var history = new UpdateHistory(9, "2.2.0-beta.1").ForChannelChange();

        Assert.Equal(new UpdateHistory(9, null), history);
        Assert.Equal(UpdateHistoryVerdict.Accepted, history.Check(Available("2.1.0", sequence: 4, head: 9)));
    }

    [Fact]
    public void Decisions_of_the_policy_pass_their_own_history()
    {
        ReleaseManifest[] catalog = [ReleaseFixture.Manifest("2.1.0", 3), ReleaseFixture.Manifest("2.2.0", 5)];
        var query = new UpdateQuery(ReleaseFixture.Product, ReleaseVersion.Parse("2.0.0"), ReleaseChannel.Stable, null, ReleaseFixture.Now);
        var history = UpdateHistory.Empty;
        for (var start = 0; start < 3; start++)
        {
            var decision = UpdatePolicy.Decide(query, catalog, _ => 0);
            Assert.Equal(UpdateHistoryVerdict.Accepted, history.Check(decision));
            history = history.Record(decision);
        }

        Assert.Equal(new UpdateHistory(5, "2.2.0"), history);

        // A replay of the catalog from before 2.2.0 was published is refused.
        var replayed = UpdatePolicy.Decide(query, catalog[..1], _ => 0);
        Assert.Equal(UpdateHistoryVerdict.SequenceRollback, history.Check(replayed));
    }

    private static UpdateDecision Available(string version, long sequence, long? head = null)
    {
        var release = ReleaseFixture.Manifest(version, sequence);
        return new UpdateDecision
        {
            Kind = UpdateDecisionKind.UpdateAvailable,
            Release = release,
            NewestRelease = release,
            CatalogHead = ReleaseFixture.Manifest("0.0.1", head ?? sequence),
        };
    }
}
