using System.ComponentModel.DataAnnotations;

namespace Faktum.Licensing.Server.Configuration;

/// <summary>The section <c>FaktumServer:Admin</c>: how the admin API (<c>/v1/admin</c>) defends its key.</summary>
public sealed class AdminOptions
{
    /// <summary>
    /// Gets or sets whether the admin API answers over plain HTTP on a non-loopback address. Off, such a request gets
    /// 403 <c>https-required</c>: put TLS in front (a proxy that sends <c>X-Forwarded-Proto: https</c>, see
    /// <c>ForwardedHeaders</c>) or call it on loopback. On, the server logs a warning at start.
    /// </summary>
    /// <value><see langword="false"/>.</value>
    public bool AllowPlainHttp { get; set; }

    /// <summary>Gets or sets how many failed authentications one client address may make per <see cref="FailedAttemptWindow"/> before it gets 429.</summary>
    /// <value>10.</value>
    [Range(1, 1000)]
    public int FailedAttemptsPerAddress { get; set; } = 10;

    /// <summary>Gets or sets the window of <see cref="FailedAttemptsPerAddress"/>.</summary>
    /// <value>1 minute.</value>
    public TimeSpan FailedAttemptWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Gets or sets the name the audit log records as the actor of admin API calls (who holds the key, e.g. <c>billing-script</c>).
    /// Not a secret; without it the actor is <c>api-key</c>.
    /// </summary>
    /// <value><see langword="null"/>.</value>
    [StringLength(64)]
    public string? ApiKeyName { get; set; }
}
