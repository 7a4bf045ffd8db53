namespace Faktum.Licensing.Server.Storage;

/// <summary>A registered company. <see cref="IdentityKey"/> carries the unique index that is invariant I1.</summary>
internal sealed class Company
{
    public required string Id { get; set; }

    public required string IdentityKey { get; set; }

    public required string Name { get; set; }

    public required string Postcode { get; set; }

    public required string Country { get; set; }

    public required string Street { get; set; }

    public required string HouseNumber { get; set; }

    public required string City { get; set; }

    public required string ContactName { get; set; }

    public string? Phone { get; set; }

    public required string AccountId { get; set; }

    public Account? Account { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
