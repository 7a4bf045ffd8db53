using System.Text.Json.Serialization;
using Faktum.Licensing.Protocol;

namespace Faktum.Licensing.Storage;

/// <summary>
/// <c>state.json</c> on disk, versioned. Version 1 is what the SDK wrote before this type existed (the same members; a file without
/// <c>version</c> is read as version 1); version 2 added <c>version</c>; version 3 (S9, several companies) adds <c>current</c> and
/// <c>licenses</c>, one entry per license with its own token file, last online check, last verdict and company. In version 3 the
/// top-level <c>lastOnlineCheck</c>, <c>lastVerdict</c> and <c>company</c> repeat those of the current license (as the start-up
/// response's top-level claims describe its first license), and <c>licenses</c> is what counts. Versions 1 and 2 read as one license
/// in <c>license.jwt</c>; a higher version (written by a newer SDK) is damaged. The members stay as they are: a change of shape is
/// a new version, read beside the old ones.
/// </summary>
internal sealed record LicenseStateDocument
{
    /// <summary>The version this SDK writes.</summary>
    public const int CurrentVersion = 3;

    /// <summary>The first version with <see cref="Licenses"/>.</summary>
    public const int SeveralLicensesVersion = 3;

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

    /// <summary>The license id of the current company (version 3).</summary>
    [JsonPropertyName("current")]
    public string? Current { get; init; }

    /// <summary>The licenses (version 3); absent in versions 1 and 2, whose one license is in <c>license.jwt</c>.</summary>
    [JsonPropertyName("licenses")]
    public IReadOnlyList<LicenseDocument>? Licenses { get; init; }

    public static LicenseStateDocument From(LocalLicenseState state, string? current, IReadOnlyList<StoredLicense> licenses) => new()
    {
        Current = current,
        Licenses = [.. licenses.Select(license => new LicenseDocument
        {
            LicenseId = license.LicenseId,
            TokenFile = license.TokenFile,
            LastOnlineCheck = license.LastOnlineCheck,
            LastVerdict = license.LastVerdict?.ToWire(),
            Company = license.Company is { } company ? CompanyDocument.From(company) : null,
        })],
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

    /// <summary>A version 3 entry as a stored license, with its token.</summary>
    public static StoredLicense ToLicense(LicenseDocument license, string token) => new()
    {
        LicenseId = license.LicenseId,
        TokenFile = license.TokenFile,
        Token = token,
        LastOnlineCheck = license.LastOnlineCheck,
        LastVerdict = LicenseVerdictNames.TryParse(license.LastVerdict, out var verdict) ? verdict : null,
        Company = license.Company?.ToProfile(),
    };
}
