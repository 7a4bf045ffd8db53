using Faktum.Licensing.Server.Copies;

namespace Faktum.Licensing.Server.Tests.Copies;

/// <summary>The pure copy-detection rules, case by case (docs/tokens.md, "Generations").</summary>
public sealed class GenerationRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    // After a start that presented 4 and was answered with 5: the line holds 5 (or 4, if the answer was lost).
    private static readonly GenerationState Settled = new(Issued: 5, Presented: 4, AnswersFrom: 5, RetryWindowEndsAt: Now - TimeSpan.FromDays(1));

    [Fact]
    public void The_newest_token_advances_the_line()
    {
        var (outcome, state) = GenerationRules.Present(Settled, 5, Now, Window);
        Assert.Equal(GenerationOutcome.Newest, outcome);
        Assert.Equal(new GenerationState(6, 5, 6, Now + Window), state);
    }

    [Fact]
    public void The_last_presented_token_again_within_the_retry_window_keeps_every_answer_valid()
    {
        var fresh = Settled with { RetryWindowEndsAt = Now + TimeSpan.FromMinutes(1) };
        var (outcome, state) = GenerationRules.Present(fresh, 4, Now, Window);
        Assert.Equal(GenerationOutcome.Repeated, outcome);
        Assert.Equal(fresh with { Issued = 6 }, state);

        // Either answer may be the one the app kept.
        Assert.Equal(GenerationOutcome.EarlierAnswer, GenerationRules.Present(state, 5, Now, Window).Outcome);
        Assert.Equal(GenerationOutcome.Newest, GenerationRules.Present(state, 6, Now, Window).Outcome);
    }

    [Fact]
    public void The_last_presented_token_again_later_is_a_lost_answer_and_remembers_it_as_left_behind()
    {
        var (outcome, state) = GenerationRules.Present(Settled, 4, Now, Window);
        Assert.Equal(GenerationOutcome.Repeated, outcome);
        Assert.Equal(new GenerationState(6, 4, 6, Now + Window, AbandonedAfter: 4, AbandonedThrough: 5), state);

        // The app goes on with its new token; only a second line could still present the lost answer.
        Assert.Equal(GenerationOutcome.Newest, GenerationRules.Present(state, 6, Now, Window).Outcome);
        Assert.Equal(GenerationOutcome.Detected, GenerationRules.Present(state, 5, Now, Window).Outcome);
    }

    [Fact]
    public void An_older_token_from_no_line_left_behind_is_a_restored_backup_and_the_line_goes_on_from_it()
    {
        var (outcome, state) = GenerationRules.Present(Settled, 2, Now, Window);
        Assert.Equal(GenerationOutcome.Forked, outcome);
        Assert.Equal(new GenerationState(6, 2, 6, Now + Window, AbandonedAfter: 2, AbandonedThrough: 5), state);
        Assert.Equal(GenerationOutcome.Newest, GenerationRules.Present(state, 6, Now, Window).Outcome);
        Assert.Equal(GenerationOutcome.Repeated, GenerationRules.Present(state, 2, Now, Window).Outcome);

        // An even older backup is no copy either: its token lies before the fork.
        Assert.Equal(GenerationOutcome.Forked, GenerationRules.Present(state, 1, Now, Window).Outcome);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void A_token_of_the_line_left_behind_is_a_copy_and_every_token_so_far_is_answered_duplicated(long leftBehind)
    {
        var forked = GenerationRules.Present(Settled, 2, Now, Window).State;
        var (outcome, state) = GenerationRules.Present(forked, leftBehind, Now, Window);
        Assert.Equal(GenerationOutcome.Detected, outcome);
        Assert.True(state.IsDuplicated);
        Assert.Equal(7, state.DuplicatedThrough);
        Assert.Equal(Now, state.DuplicatedAt);
        foreach (var generation in new long[] { 0, 2, 5, 6, 7 })
        {
            Assert.Equal((GenerationOutcome.Duplicated, state), GenerationRules.Present(state, generation, Now, Window));
        }
    }

    [Fact]
    public void A_generation_above_any_issued_means_the_servers_database_went_back_and_is_taken()
    {
        var (outcome, state) = GenerationRules.Present(Settled, 9, Now, Window);
        Assert.Equal(GenerationOutcome.AheadOfServer, outcome);
        Assert.Equal(new GenerationState(10, 9, 10, Now + Window), state);
    }

    [Fact]
    public void A_token_without_a_generation_on_an_installation_without_a_row_is_the_newest()
    {
        var (outcome, state) = GenerationRules.Present(GenerationState.Fresh, 0, Now, Window);
        Assert.Equal(GenerationOutcome.Newest, outcome);
        Assert.Equal(1, state.Issued);
    }

    [Fact]
    public void A_confirmation_after_a_flag_clears_it_for_the_confirming_app_only()
    {
        var flagged = GenerationRules.Present(GenerationRules.Present(Settled, 2, Now, Window).State, 5, Now, Window).State;
        var recovered = GenerationRules.Confirmed(flagged);
        Assert.False(recovered.IsDuplicated);
        Assert.Equal(8, recovered.Issued);
        Assert.Equal(GenerationOutcome.Newest, GenerationRules.Present(recovered, 8, Now, Window).Outcome);
        Assert.Equal(GenerationOutcome.Duplicated, GenerationRules.Present(recovered, 6, Now, Window).Outcome);
    }

    [Fact]
    public void A_confirmation_without_a_flag_issues_the_next_generation_and_an_older_token_is_a_fork_not_a_copy()
    {
        var confirmed = GenerationRules.Confirmed(Settled);
        Assert.Equal(6, confirmed.Issued);
        Assert.Null(confirmed.DuplicatedThrough);
        Assert.Equal(GenerationOutcome.Forked, GenerationRules.Present(confirmed, 5, Now, Window).Outcome); // the confirmation's answer was lost
    }

    [Fact]
    public void The_vendors_clear_takes_the_next_token_presented_whichever_it_is_and_a_copy_still_in_use_shows_again()
    {
        var flagged = GenerationRules.Present(GenerationRules.Present(Settled, 2, Now, Window).State, 5, Now, Window).State;
        var cleared = GenerationRules.Cleared(flagged);
        Assert.False(cleared.IsDuplicated);
        Assert.Null(cleared.DuplicatedThrough);
        var (outcome, kept) = GenerationRules.Present(cleared, 6, Now, Window);
        Assert.Equal(GenerationOutcome.EarlierAnswer, outcome);
        Assert.Equal(GenerationOutcome.Detected, GenerationRules.Present(kept, 5, Now, Window).Outcome);
    }
}
