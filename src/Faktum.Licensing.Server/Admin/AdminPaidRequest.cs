namespace Faktum.Licensing.Server.Admin;

/// <summary>POST /v1/admin/licenses/{id}/paid.</summary>
internal sealed record AdminPaidRequest(DateTimeOffset? EndsAt, DateTimeOffset? UpdatesEndAt);
