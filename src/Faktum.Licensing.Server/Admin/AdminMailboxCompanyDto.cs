namespace Faktum.Licensing.Server.Admin;

/// <summary>One trial company of a flagged mailbox.</summary>
internal sealed record AdminMailboxCompanyDto(string CompanyId, string Name, string Postcode, string Email, DateTimeOffset? EmailConfirmedAt, DateTimeOffset CreatedAt);
