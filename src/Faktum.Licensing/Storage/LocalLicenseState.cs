using System.Text.Json.Serialization;

namespace Faktum.Licensing.Storage;

/// <summary>The small JSON state file (I6). The token lives beside it in its own file.</summary>
internal sealed record LocalLicenseState
{
    public const int CurrentVersion = 1;

    [JsonPropertyName("version")]
    public int Version { get; init; } = CurrentVersion;

    /// <summary>Random, generated once per data folder: never a hardware fingerprint.</summary>
    [JsonPropertyName("installationId")]
    public required string InstallationId { get; init; }

    [JsonPropertyName("lastOnlineCheck")]
    public DateTimeOffset? LastOnlineCheck { get; init; }

    [JsonPropertyName("highestServerTime")]
    public DateTimeOffset? HighestServerTime { get; init; }

    /// <summary>The verdict of the last signed start-up response, so a lapsed license stays lapsed while offline.</summary>
    [JsonPropertyName("lastVerdict")]
    public string? LastVerdict { get; init; }

    [JsonPropertyName("company")]
    public CompanyProfile? Company { get; init; }

    /// <summary>The highest release-manifest sequence and version offered so far: update rollback protection.</summary>
    [JsonPropertyName("updates")]
    public UpdateHistoryState? Updates { get; init; }
}

/// <summary>The persisted form of <see cref="Faktum.Licensing.Updates.UpdateHistory"/>.</summary>
internal sealed record UpdateHistoryState
{
    [JsonPropertyName("highestSequence")]
    public long HighestSequence { get; init; }

    [JsonPropertyName("highestVersionOffered")]
    public string? HighestVersionOffered { get; init; }

    [JsonPropertyName("channel")]
    public string? Channel { get; init; }
}

/// <summary>Whether the state file could be used.</summary>
internal enum LocalStateCondition
{
    Missing,
    Usable,
    Damaged,
}

/// <summary>What the data folder holds, read under the lock.</summary>
internal sealed record LocalSnapshot(LocalStateCondition Condition, LocalLicenseState? State, string? Token, string? Problem)
{
    public static readonly LocalSnapshot Empty = new(LocalStateCondition.Missing, null, null, null);
}

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(LocalLicenseState))]
internal sealed partial class StateJsonContext : JsonSerializerContext
{
}
