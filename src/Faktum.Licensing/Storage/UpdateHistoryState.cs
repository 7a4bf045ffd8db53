namespace Faktum.Licensing.Storage;

/// <summary>The stored form of <see cref="Faktum.Licensing.Updates.UpdateHistory"/>, with the channel it was seen on.</summary>
internal sealed record UpdateHistoryState
{
    public long HighestSequence { get; init; }

    public string? HighestVersionOffered { get; init; }

    public string? Channel { get; init; }
}
