using System.ComponentModel.DataAnnotations;

namespace Faktum.Licensing.Server.Configuration;

/// <summary>
/// The section <c>FaktumServer:Email:Outbox</c>. Mails are stored in the database with the change they report and sent
/// by a background dispatcher: at once after the commit, and retried with back-off when sending fails.
/// </summary>
public sealed class MailOutboxOptions
{
    /// <summary>Gets or sets how many times a mail is tried before it is given up (its body is deleted then).</summary>
    /// <value>10.</value>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Gets or sets the wait before the first retry; each further retry waits twice as long, at most an hour.</summary>
    /// <value>30 seconds.</value>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets how often each instance looks for due mails on its own (mails queued by another instance, retries,
    /// mails left by a stopped instance); a mail queued by this instance is sent at once.
    /// </summary>
    /// <value>30 seconds.</value>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how long the record of a sent, failed or discarded mail (without its body) is kept.</summary>
    /// <value>30 days.</value>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);
}
