namespace Faktum.Licensing.Server.Storage;

/// <summary>
/// One vendor action on a company identity (F2, I9): written in the transaction of the action, never changed or deleted.
/// A small table of its own until the vendor console's audit log exists.
/// </summary>
internal sealed class AdminAuditRecord
{
    public required string Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>Gets or sets the action: <c>identity-released</c> or <c>identity-handed-over</c>.</summary>
    public required string Action { get; set; }

    /// <summary>Gets or sets the company acted on.</summary>
    public required string CompanyId { get; set; }

    /// <summary>Gets or sets the identity key concerned.</summary>
    public required string IdentityKey { get; set; }

    /// <summary>Gets or sets the reason the vendor gave (the dispute's reference).</summary>
    public required string Reason { get; set; }

    /// <summary>Gets or sets what changed, as short text (licenses revoked, old and new account), without personal data beyond ids.</summary>
    public required string Detail { get; set; }
}
