using System.Text.Json;
using Faktum.Licensing.Protocol;

namespace Faktum.Licensing.Http;

/// <summary>The installations on the wire (<see cref="InstallationDto"/>) to the public <see cref="LicensedInstallation"/>, and back.</summary>
internal static class InstallationWire
{
    public static LicensedInstallation ToPublic(InstallationDto dto)
    {
        ArgumentNullException.ThrowIfNull(dto);
        return new(dto.Id, dto.Label, dto.FirstSeen, dto.LastSeen, dto.AppVersion, dto.Channel, dto.Current);
    }

    /// <summary>The <c>installations</c> member of a <c>seats-full</c> problem; <see langword="null"/> when absent or garbled.</summary>
    public static IReadOnlyList<LicensedInstallation>? ReadList(JsonElement problem)
    {
        if (!problem.TryGetProperty("installations", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        try
        {
            var items = list.Deserialize(ProtocolJsonContext.Default.InstallationDtoArray);
            return items is null || items.Any(i => i is null || string.IsNullOrEmpty(i.Id)) ? null : [.. items.Select(ToPublic)];
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
