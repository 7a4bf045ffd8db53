namespace Faktum.Licensing.Server.Configuration;

/// <summary>Retention periods of the scheduled purge (<c>FaktumServer:Retention</c>; docs/privacy.md, the data inventory).</summary>
public sealed class RetentionOptions
{
    /// <summary>Gets or sets how long a one-time password's record (hash, salt, times) is kept after it expired.</summary>
    /// <value>1 day: long enough to answer a support question about a failed confirmation, then of no use.</value>
    public TimeSpan OneTimePasswords { get; set; } = TimeSpan.FromDays(1);
}
