using System.ComponentModel.DataAnnotations;

namespace Faktum.Licensing.Server.Configuration;

/// <summary>The section <c>FaktumServer:Console</c>: the vendor's web console (<c>/console</c>), see docs/server.md.</summary>
public sealed class ConsoleOptions
{
    /// <summary>Gets or sets whether the console is served. Off, <c>/console</c> is 404 and no console service is registered.</summary>
    /// <value><see langword="true"/>.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Gets or sets a URL of its own for the console (e.g. <c>http://127.0.0.1:5081</c>, an explicit port): the server also
    /// listens there, the console answers only there, and nothing else does. Empty: the console shares the server's URLs.
    /// </summary>
    /// <value><see langword="null"/>.</value>
    public string? Url { get; set; }

    /// <summary>
    /// Gets or sets whether the console may be served over plain HTTP on a non-loopback address (behind a proxy that ends
    /// TLS). Off, the server refuses to start when the console would be: the staff password would cross the network in clear text.
    /// </summary>
    /// <value><see langword="false"/>.</value>
    public bool AllowPlainHttp { get; set; }

    /// <summary>Gets or sets how long a signed-in session lasts without a request (sliding).</summary>
    /// <value>30 minutes.</value>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Gets or sets how many failed sign-ins (password or TOTP) in a row lock a staff account.</summary>
    /// <value>5.</value>
    [Range(1, 100)]
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>Gets or sets how long a locked staff account stays locked.</summary>
    /// <value>15 minutes.</value>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    internal int? DedicatedPort => Url is { Length: > 0 } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Port > 0 ? uri.Port : null;
}
