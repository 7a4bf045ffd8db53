using System.Text.Json.Serialization;
using Faktum.Licensing.Protocol;

namespace Faktum.Licensing.Storage;

/// <summary>
/// <c>state.json</c> on disk, versioned. Version 1 is what the SDK wrote before this type existed (the same members; a file without
/// <c>version</c> is read as version 1); version 2 is written since, in this shape. Both are read; a higher version (written by a
/// newer SDK) is damaged. The members stay as they are: a change of shape is a new version, read beside the old ones.
/// </summary>
internal sealed record LicenseStateDocument
{
    /// <summary>The version this SDK writes.</summary>
    public const int CurrentVersion = 2;

    /// <summary>The oldest version this SDK reads.</summary>
    public const int OldestReadableVersion = 1;

    /// <summary>The format's version; <see langword="null"/> (absent) is version 1.</summary>
    [JsonPropertyName("version")]
    public int? Version { get; init; }

    /// <summary>Gets <see cref="Version"/>, an absent one read as version 1.</summary>
    [JsonIgnore]
    public int EffectiveVersion => Version ?? OldestReadableVersion;

    [JsonPropertyName("installationId")]
    public required string InstallationId { get; init; }

    [JsonPropertyName("lastOnlineCheck")]
    public DateTimeOffset? LastOnlineCheck { get; init; }

    [JsonPropertyName("highestServerTime")]
    public DateTimeOffset? HighestServerTime { get; init; }

    /// <summary>The last verdict by its wire name (<see cref="LicenseVerdictNames"/>); an unknown name reads as none.</summary>
    [JsonPropertyName("lastVerdict")]
    public string? LastVerdict { get; init; }

    [JsonPropertyName("company")]
    public CompanyDocument? Company { get; init; }

    [JsonPropertyName("updates")]
    public UpdateHistoryDocument? Updates { get; init; }

    public static LicenseStateDocument From(LocalLicenseState state) => new()
    {
        Version = CurrentVersion,
        InstallationId = state.InstallationId,
        LastOnlineCheck = state.LastOnlineCheck,
        HighestServerTime = state.HighestServerTime,
        LastVerdict = state.LastVerdict?.ToWire(),
        Company = state.Company is { } company ? CompanyDocument.From(company) : null,
        Updates = state.Updates is { } updates ? UpdateHistoryDocument.From(updates) : null,
    };

    public LocalLicenseState ToState() => new()
    {
        InstallationId = InstallationId,
        LastOnlineCheck = LastOnlineCheck,
        HighestServerTime = HighestServerTime,
        LastVerdict = LicenseVerdictNames.TryParse(LastVerdict, out var verdict) ? verdict : null,
        Company = Company?.ToProfile(),
        Updates = Updates?.ToState(),
    };
}
