using Faktum.Licensing.Server.Storage;

namespace Faktum.Licensing.Server.Copies;

/// <summary>The copy-detection state of one installation, immutable, as <see cref="GenerationRules"/> reads and writes it.</summary>
/// <param name="Issued">The newest generation issued (also the row's concurrency token).</param>
/// <param name="Presented">The generation the current line last presented.</param>
/// <param name="AnswersFrom">The first of the generations issued in answer to <paramref name="Presented"/> (through <paramref name="Issued"/>).</param>
/// <param name="RetryWindowEndsAt">Until when a repeat of <paramref name="Presented"/> is a retry of the same start.</param>
/// <param name="AbandonedAfter">Exclusive lower end of the generations only a line left behind can hold.</param>
/// <param name="AbandonedThrough">Inclusive upper end of that range.</param>
/// <param name="DuplicatedThrough">Every generation up to this one is answered <c>duplicated</c>.</param>
/// <param name="DuplicatedAt">When the copy was detected.</param>
internal sealed record GenerationState(
    long Issued,
    long Presented,
    long AnswersFrom,
    DateTimeOffset? RetryWindowEndsAt = null,
    long? AbandonedAfter = null,
    long? AbandonedThrough = null,
    long? DuplicatedThrough = null,
    DateTimeOffset? DuplicatedAt = null)
{
    /// <summary>Gets the state of an installation the server has no row for: its tokens carry generation 0 (or none).</summary>
    public static GenerationState Fresh { get; } = new(0, 0, 0);

    /// <summary>Gets whether the current line is flagged: every token the installation holds is answered <c>duplicated</c>.</summary>
    public bool IsDuplicated => DuplicatedThrough is { } through && through >= Issued;

    public static GenerationState From(InstallationGeneration row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.Issued, row.Presented, row.AnswersFrom, row.RetryWindowEndsAt, row.AbandonedAfter, row.AbandonedThrough, row.DuplicatedThrough, row.DuplicatedAt);
    }

    /// <summary>Whether <paramref name="generation"/> lies in the range only a line left behind can hold.</summary>
    public bool IsAbandoned(long generation) => AbandonedAfter is { } after && AbandonedThrough is { } through && generation > after && generation <= through;
}
