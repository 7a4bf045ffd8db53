using System.Text.Json.Serialization;

namespace Faktum.Licensing.Storage;

/// <summary>The update history in <c>state.json</c>.</summary>
internal sealed record UpdateHistoryDocument
{
    [JsonPropertyName("highestSequence")]
    public long HighestSequence { get; init; }

    [JsonPropertyName("highestVersionOffered")]
    public string? HighestVersionOffered { get; init; }

    [JsonPropertyName("channel")]
    public string? Channel { get; init; }

    public static UpdateHistoryDocument From(UpdateHistoryState state) =>
        new() { HighestSequence = state.HighestSequence, HighestVersionOffered = state.HighestVersionOffered, Channel = state.Channel };

    public UpdateHistoryState ToState() =>
        new() { HighestSequence = HighestSequence, HighestVersionOffered = HighestVersionOffered, Channel = Channel };
}
