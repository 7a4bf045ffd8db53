namespace Faktum.Licensing.Server.Storage;

/// <summary>
/// A company identity a company holds or has held (F8). The key is unique across all companies: a postcode correction adds
/// a row and frees none, so an identity a license once held stays reserved to it (I1). Written in the transaction of the
/// registration or correction; removed only with a lapsed registration or by the vendor's release of a disputed identity.
/// </summary>
internal sealed class HeldIdentity
{
    /// <summary>Gets or sets the canonical identity key (as <see cref="Company.IdentityKey"/>); the primary key.</summary>
    public required string IdentityKey { get; set; }

    public required string CompanyId { get; set; }

    public DateTimeOffset HeldSince { get; set; }
}
