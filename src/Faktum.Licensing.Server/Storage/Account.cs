namespace Faktum.Licensing.Server.Storage;

/// <summary>An account: one e-mail address, confirmed by a one-time password.</summary>
internal sealed class Account
{
    public required string Id { get; set; }

    /// <summary>Gets or sets the e-mail address, normalised to lower case; unique.</summary>
    public required string Email { get; set; }

    public DateTimeOffset? EmailConfirmedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
