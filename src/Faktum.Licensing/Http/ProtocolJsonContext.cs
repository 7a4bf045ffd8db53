using System.Text.Json;
using System.Text.Json.Serialization;
using Faktum.Licensing.Protocol;

namespace Faktum.Licensing.Http;

/// <summary>Source-generated JSON for the /v1 wire contract: camelCase, absent rather than null.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RegistrationRequest))]
[JsonSerializable(typeof(RecoveryRequest))]
[JsonSerializable(typeof(ConfirmationRequest))]
[JsonSerializable(typeof(LicenseResponse))]
[JsonSerializable(typeof(StartupRequest))]
[JsonSerializable(typeof(StartupResponseEnvelope))]
[JsonSerializable(typeof(CompanyCorrectionRequest))]
[JsonSerializable(typeof(CompanyProfileDto))]
[JsonSerializable(typeof(InstallationDto[]))]
[JsonSerializable(typeof(InstallationListResponse))]
[JsonSerializable(typeof(InstallationLabelRequest))]
internal sealed partial class ProtocolJsonContext : JsonSerializerContext
{
}
