namespace Faktum.Licensing.Server.Admin;

/// <summary>
/// POST /v1/admin/identities/release and /v1/admin/identities/hand-over (F2): the disputed company by name, postcode and
/// country as registered; the reason (the dispute's reference, kept in the audit record); for a hand-over the e-mail
/// address of the rightful owner.
/// </summary>
internal sealed record AdminIdentityRequest(string? Name, string? Postcode, string? Country, string? Reason, string? Email);
