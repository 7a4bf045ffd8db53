namespace Faktum.Licensing.Server.Admin;

/// <summary>Which audit records to list; a <see langword="null"/> member does not filter. Actor and action match exactly.</summary>
internal sealed record AdminAuditFilter(string? CompanyId = null, string? Actor = null, string? Action = null);
