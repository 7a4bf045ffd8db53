namespace Faktum.Licensing.Server.Configuration;

/// <summary>Retention periods of the scheduled purge (<c>FaktumServer:Retention</c>; docs/privacy.md, the data inventory).</summary>
public sealed class RetentionOptions
{
    /// <summary>Gets or sets how often each instance runs the retention purge (at start, then at this interval).</summary>
    /// <value>1 hour.</value>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Gets or sets how long a one-time password's record (hash, salt, times) is kept after it expired.</summary>
    /// <value>1 day: long enough to answer a support question about a failed confirmation, then of no use.</value>
    public TimeSpan OneTimePasswords { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Gets or sets how long a registration that was never confirmed is kept, counted from its registration and from
    /// its last one-time password; then its account, company, license, passwords and mails are deleted and the company
    /// (name + postcode) and e-mail address are free again. At least
    /// <see cref="FaktumServerOptions.UnconfirmedRegistrationLifetime"/>: the reservation (7 days) ends first, and until
    /// this period ends an uncontested lapsed registration can still be confirmed with a new password.
    /// </summary>
    /// <value>30 days.</value>
    public TimeSpan UnconfirmedRegistrations { get; set; } = TimeSpan.FromDays(30);
}
