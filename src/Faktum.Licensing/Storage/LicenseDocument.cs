using System.Text.Json.Serialization;

namespace Faktum.Licensing.Storage;

/// <summary>One license in <c>state.json</c> version 3 (S9); the token itself is in <see cref="TokenFile"/>.</summary>
internal sealed record LicenseDocument
{
    [JsonPropertyName("licenseId")]
    public required string LicenseId { get; init; }

    /// <summary>The token file's name, checked against <see cref="TokenFiles.IsAllowed"/> when read.</summary>
    [JsonPropertyName("tokenFile")]
    public required string TokenFile { get; init; }

    [JsonPropertyName("lastOnlineCheck")]
    public DateTimeOffset? LastOnlineCheck { get; init; }

    /// <summary>The last verdict by its wire name; an unknown name reads as none.</summary>
    [JsonPropertyName("lastVerdict")]
    public string? LastVerdict { get; init; }

    [JsonPropertyName("company")]
    public CompanyDocument? Company { get; init; }
}
