namespace Faktum.Licensing.Server.Storage;

/// <summary>An account: one e-mail address, confirmed by a one-time password.</summary>
internal sealed class Account
{
    public required string Id { get; set; }

    /// <summary>Gets or sets the e-mail address, normalised to lower case; unique.</summary>
    public required string Email { get; set; }

    /// <summary>Gets or sets the mailbox of <see cref="Email"/> (<c>local+tag@domain</c> is <c>local@domain</c>, F2); indexed.</summary>
    public string Mailbox { get; set; } = string.Empty;

    public DateTimeOffset? EmailConfirmedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
