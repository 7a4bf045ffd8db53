namespace Faktum.Licensing.Server.Admin;

/// <summary>GET /v1/admin/licenses/{id}/copies: copy detection's view of the license's installations.</summary>
internal sealed record AdminCopiesDto(string LicenseId, IReadOnlyList<AdminCopyStateDto> Installations);
