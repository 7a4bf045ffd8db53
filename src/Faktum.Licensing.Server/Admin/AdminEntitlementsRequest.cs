namespace Faktum.Licensing.Server.Admin;

/// <summary>POST /v1/admin/licenses/{id}/entitlements: the names the license grants; <see langword="null"/> (or absent) returns it to the default.</summary>
internal sealed record AdminEntitlementsRequest(IReadOnlyList<string>? Entitlements);
