using System.Text.Json;
using Faktum.Licensing.Protocol;

namespace Faktum.Licensing.Http;

/// <summary>The company profile on the wire (<see cref="CompanyProfileDto"/>) to the public <see cref="CompanyProfile"/>, converted at the edge.</summary>
internal static class CompanyProfileWire
{
    /// <summary>Reads a company object; <see langword="null"/> when it is not a company profile (the caller refuses the answer).</summary>
    public static CompanyProfile? Read(JsonElement element)
    {
        try
        {
            return element.Deserialize(ProtocolJsonContext.Default.CompanyProfileDto) is { } dto ? ToProfile(dto) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Converts a profile; <see langword="null"/> when a required member (name, postcode, country, e-mail) is missing.</summary>
    public static CompanyProfile? ToProfile(CompanyProfileDto dto) =>
        dto.Name is null || dto.Postcode is null || dto.Country is null || dto.Email is null
            ? null
            : new CompanyProfile(dto.Name, dto.Postcode, dto.Country, dto.Street ?? string.Empty, dto.HouseNumber ?? string.Empty, dto.City ?? string.Empty, dto.ContactName ?? string.Empty, dto.Phone, dto.Email);
}
