namespace Faktum.Licensing.Server.Admin;

/// <summary>A company in a search result: enough to pick the right one on the phone.</summary>
internal sealed record AdminCompanySummaryDto(string Id, string Name, string Postcode, string City, string Country, string Email, string? LicenseId, string? Kind, string? Status);
