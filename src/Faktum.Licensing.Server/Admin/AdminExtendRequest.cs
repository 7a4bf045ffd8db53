namespace Faktum.Licensing.Server.Admin;

/// <summary>POST /v1/admin/licenses/{id}/extend.</summary>
internal sealed record AdminExtendRequest(int Days);
