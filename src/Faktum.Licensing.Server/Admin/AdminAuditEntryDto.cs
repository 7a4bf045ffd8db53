using System.Text.Json;

namespace Faktum.Licensing.Server.Admin;

/// <summary>An audit record as the admin API, the CLI and the console show it; <c>before</c>/<c>after</c> hold the changed fields.</summary>
internal sealed record AdminAuditEntryDto(
    string Id, DateTimeOffset At, string Source, string Actor, string Action, string? CompanyId, string? LicenseId, JsonElement? Before, JsonElement? After, string? Detail)
{
    public static AdminAuditEntryDto From(Storage.AuditRecord record) => new(
        record.Id, record.At, record.Source.ToString().ToLowerInvariant(), record.Actor, record.Action, record.CompanyId, record.LicenseId,
        Parse(record.Before), Parse(record.After), record.Detail);

    private static JsonElement? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
