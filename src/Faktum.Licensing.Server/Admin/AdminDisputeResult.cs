namespace Faktum.Licensing.Server.Admin;

/// <summary>What a release or hand-over of a company identity did (F2), as the admin API and CLI show it.</summary>
/// <param name="Status">How it ended; the other members are set only when it is <see cref="AdminDisputeStatus.Done"/>.</param>
/// <param name="Action"><c>identity-released</c> or <c>identity-handed-over</c>.</param>
/// <param name="CompanyId">The company acted on.</param>
/// <param name="IdentityKeys">The identities freed (release) or handed over (hand-over).</param>
/// <param name="LicenseIds">The company's licenses: revoked (release) or moved with it (hand-over).</param>
/// <param name="AuditId">The audit record written in the same transaction.</param>
internal sealed record AdminDisputeResult(
    AdminDisputeStatus Status, string? Action, string? CompanyId, IReadOnlyList<string> IdentityKeys, IReadOnlyList<string> LicenseIds, string? AuditId)
{
    public static AdminDisputeResult Of(AdminDisputeStatus status) => new(status, null, null, [], [], null);
}
