namespace Faktum.Licensing.Server.Copies;

/// <summary>
/// Copy detection without a fingerprint, pure (no I/O, no clock of its own). Every token issued to an installation carries the
/// next generation; a line (one data folder and its history) only ever presents its newest token, or — when an answer was lost or
/// the app stopped before storing it — the token it presented last. A token outside that set is either a restored backup (an
/// older token: the server goes on from it and remembers the generations the left-behind line holds) or, when it is one of
/// those remembered generations, a second live line: a copy. docs/tokens.md ("Generations") gives the reasoning and its limits.
/// </summary>
internal static class GenerationRules
{
    /// <summary>The decision on one presented generation: the outcome, and the state to write (the same state when nothing changes).</summary>
    /// <param name="state">The stored state.</param>
    /// <param name="generation">The generation of the presented (verified) token; 0 for a token without one.</param>
    /// <param name="now">The server's time.</param>
    /// <param name="retryWindow">How long a repeat of the last presented token counts as a retry of the same start.</param>
    public static (GenerationOutcome Outcome, GenerationState State) Present(GenerationState state, long generation, DateTimeOffset now, TimeSpan retryWindow)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.DuplicatedThrough is { } through && generation <= through)
        {
            return (GenerationOutcome.Duplicated, state);
        }

        var next = state.Issued + 1;
        var window = now + retryWindow;
        if (generation > state.Issued)
        {
            // Only a signed token can get here: the server forgot what it issued (a database restored from a backup).
            return (GenerationOutcome.AheadOfServer, state with
            {
                Issued = generation + 1, Presented = generation, AnswersFrom = generation + 1, RetryWindowEndsAt = window, AbandonedAfter = null, AbandonedThrough = null,
            });
        }

        if (generation == state.Issued)
        {
            return (GenerationOutcome.Newest, state with { Issued = next, Presented = generation, AnswersFrom = next, RetryWindowEndsAt = window });
        }

        if (generation >= state.AnswersFrom)
        {
            // One of several answers to the same start, issued within the retry window: the others were held by nobody (a retry's
            // crossed answers) or by a copy that started at the same moment; whoever presents one of them now is a second line.
            return (GenerationOutcome.EarlierAnswer, state with
            {
                Issued = next, Presented = generation, AnswersFrom = next, RetryWindowEndsAt = window,
                AbandonedAfter = state.AnswersFrom - 1, AbandonedThrough = state.Issued,
            });
        }

        if (generation == state.Presented)
        {
            if (state.RetryWindowEndsAt is { } ends && now <= ends)
            {
                return (GenerationOutcome.Repeated, state with { Issued = next });
            }

            // Later than a retry: the answers since the last presentation were lost — or went to another line, which would show
            // by presenting one of them.
            return (GenerationOutcome.Repeated, state with
            {
                Issued = next, AnswersFrom = next, RetryWindowEndsAt = window, AbandonedAfter = state.AnswersFrom - 1, AbandonedThrough = state.Issued,
            });
        }

        if (state.IsAbandoned(generation))
        {
            // The generation burnt here is never issued: it only moves the concurrency token, and every token so far is a copy's.
            return (GenerationOutcome.Detected, state with { Issued = next, DuplicatedThrough = next, DuplicatedAt = now });
        }

        return (GenerationOutcome.Forked, state with
        {
            Issued = next, Presented = generation, AnswersFrom = next, RetryWindowEndsAt = window, AbandonedAfter = generation, AbandonedThrough = state.Issued,
        });
    }

    /// <summary>
    /// A confirmation (S2, S4) on this installation: the next generation goes to the confirming app. After a flag, every older
    /// token stays a copy's (recovery on the computer in use clears it there only); otherwise older tokens go on as before.
    /// </summary>
    public static GenerationState Confirmed(GenerationState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var next = state.Issued + 1;
        return state.DuplicatedThrough is null
            ? state with { Issued = next, AnswersFrom = next, RetryWindowEndsAt = null }
            : state with { Issued = next, AnswersFrom = next, RetryWindowEndsAt = null, AbandonedAfter = null, AbandonedThrough = null, DuplicatedThrough = state.Issued, DuplicatedAt = null };
    }

    /// <summary>The vendor's clear: no token is a copy's any more; the next token presented, whichever, is taken as the line's.</summary>
    public static GenerationState Cleared(GenerationState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var next = state.Issued + 1;
        return state with
        {
            Issued = next, Presented = 0, AnswersFrom = 0, RetryWindowEndsAt = null, AbandonedAfter = null, AbandonedThrough = null, DuplicatedThrough = null, DuplicatedAt = null,
        };
    }
}
