using System.Text.Json.Serialization;

namespace Faktum.Licensing.Storage;

/// <summary>Source-generated JSON of <c>state.json</c>: indented, camelCase, every unknown member refused.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(LicenseStateDocument))]
internal sealed partial class StateJsonContext : JsonSerializerContext
{
}
