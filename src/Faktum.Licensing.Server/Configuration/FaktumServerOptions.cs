using System.ComponentModel.DataAnnotations;
using MailKit.Security;

namespace Faktum.Licensing.Server.Configuration;

/// <summary>The configuration section <c>FaktumServer</c>; every default is documented in docs/server.md.</summary>
public sealed class FaktumServerOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "FaktumServer";

    /// <summary>Gets or sets the data folder (database, keys, mail pickup folder).</summary>
    /// <value><c>data</c>, relative to the content root; an absolute path is used as is.</value>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Gets or sets the issuer (<c>iss</c>) of every token this server signs.</summary>
    /// <value><c>faktum-licensing-server</c>.</value>
    [Required]
    public string Issuer { get; set; } = "faktum-licensing-server";

    /// <summary>Gets or sets the product ids this server licenses (the <c>aud</c> of tokens).</summary>
    /// <value><c>["faktum-factuur"]</c>.</value>
    public IList<string> Products { get; set; } = [];

    /// <summary>Gets or sets the length of the free trial, in days, counted from the first confirmation.</summary>
    /// <value>30.</value>
    [Range(1, 3650)]
    public int TrialDays { get; set; } = 30;

    /// <summary>Gets or sets how long a license token is valid (<c>exp</c>); the startup check refreshes it.</summary>
    /// <value>30 days.</value>
    public TimeSpan LicenseTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Gets or sets how long a one-time password can be used.</summary>
    /// <value>30 minutes.</value>
    public TimeSpan OneTimePasswordLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Gets or sets how long an unconfirmed registration reserves its company (and its e-mail address). Once it has
    /// lapsed, a new registration of the same company (or with the same address) replaces it; a confirmed registration
    /// is never released.
    /// </summary>
    /// <value>7 days.</value>
    public TimeSpan UnconfirmedRegistrationLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Gets or sets how many companies one mailbox may register per <see cref="MailboxRegistrationWindow"/> (F2), where
    /// <c>local+tag@domain</c> counts as <c>local@domain</c>. More are refused with 429 until the window has passed.
    /// </summary>
    /// <value>3.</value>
    [Range(1, 1000)]
    public int RegistrationsPerMailbox { get; set; } = 3;

    /// <summary>Gets or sets the window of <see cref="RegistrationsPerMailbox"/>.</summary>
    /// <value>1 day.</value>
    public TimeSpan MailboxRegistrationWindow { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Gets or sets from how many trial companies on one mailbox the admin listing <c>GET /v1/admin/mailboxes</c> (CLI
    /// <c>admin mailboxes</c>) flags it (F2). A flag, not a limit: an accountant may rightly hold many.
    /// </summary>
    /// <value>3.</value>
    [Range(2, 10000)]
    public int MailboxTrialCompaniesFlag { get; set; } = 3;

    /// <summary>Gets or sets how many wrong guesses void a pending one-time password.</summary>
    /// <value>5.</value>
    [Range(1, 20)]
    public int MaxOneTimePasswordAttempts { get; set; } = 5;

    /// <summary>Gets or sets how many installations a new license may be bound to at once.</summary>
    /// <value>1.</value>
    [Range(1, 1000)]
    public int DefaultInstallationLimit { get; set; } = 1;

    /// <summary>Gets the PEM files of the signing keys. Empty: keys live in <c>{DataDirectory}/keys</c>, and one is generated on first start.</summary>
    /// <value>Empty.</value>
    public IList<string> SigningKeyFiles { get; } = [];

    /// <summary>
    /// Gets the PEM files (public or private; only the public half is used) of keys that verify the license tokens apps present
    /// but never sign: a new key staged on every instance before any instance signs with it, or an old key retired after a
    /// rotation. Listed in the JWKS. See docs/operations.md, "Rotating the signing key".
    /// </summary>
    /// <value>Empty.</value>
    public IList<string> VerificationKeyFiles { get; } = [];

    /// <summary>
    /// Gets or sets the admin API key (header <c>X-Api-Key</c>); without one the admin API is disabled. At least 32
    /// characters that look random (e.g. <c>openssl rand -base64 32</c>); a weak key fails the start.
    /// </summary>
    /// <value><see langword="null"/>.</value>
    public string? AdminApiKey { get; set; }

    /// <summary>Gets the admin API's transport and throttling settings.</summary>
    public AdminOptions Admin { get; } = new();

    /// <summary>Gets the proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> the server believes.</summary>
    public ForwardedHeadersSettings ForwardedHeaders { get; } = new();

    /// <summary>
    /// Gets or sets how long the stored answer to an <c>Idempotency-Key</c> is kept (a retry within it gets the same
    /// answer); older records are deleted once a minute.
    /// </summary>
    /// <value>1 day.</value>
    public TimeSpan IdempotencyRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Gets or sets the largest request body accepted, in bytes.</summary>
    /// <value>16 KiB.</value>
    [Range(1024, 1024 * 1024)]
    public int MaxRequestBodyBytes { get; set; } = 16 * 1024;

    /// <summary>Gets the storage settings: which database, and where.</summary>
    public StorageOptions Storage { get; } = new();

    /// <summary>Gets the e-mail settings.</summary>
    public EmailOptions Email { get; } = new();

    /// <summary>Gets the rate limits of registrations, recoveries and confirmations.</summary>
    public RateLimitOptions RateLimits { get; } = new();

    /// <summary>Gets the update discovery settings (release keys, rollout secret).</summary>
    public UpdateOptions Updates { get; } = new();

    internal IReadOnlyList<string> EffectiveProducts => Products.Count == 0 ? ["faktum-factuur"] : Products.ToList();

    internal string ResolveDataDirectory(string contentRoot) =>
        Path.GetFullPath(Path.IsPathRooted(DataDirectory) ? DataDirectory : Path.Combine(contentRoot, DataDirectory));
}

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
}

/// <summary>
/// The section <c>FaktumServer:ForwardedHeaders</c>. Naming a proxy or network turns on <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> for requests from it (and only from it); ASP.NET Core's own switch
/// (<c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c>), which believes any client, is refused at start unless one is named.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    /// <summary>Gets the addresses of the proxies in front of the server, e.g. <c>10.0.0.5</c> or <c>fd00::5</c>.</summary>
    /// <value>Empty.</value>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Gets the networks the proxies live in, in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    /// <value>Empty.</value>
    public IList<string> KnownNetworks { get; } = [];

    /// <summary>Gets or sets whether ASP.NET Core's <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c> switch is on (set at start, not configured).</summary>
    internal bool EnabledByEnvironment { get; set; }

    internal bool Enabled => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}

/// <summary>The section <c>FaktumServer:Updates</c>.</summary>
public sealed class UpdateOptions
{
    /// <summary>
    /// Gets the pinned release public keys: kid (RFC 7638 thumbprint) → base64url raw key. Only manifests signed by one
    /// of these are published. These are not the license-signing keys, and the server never holds their private halves.
    /// </summary>
    public IDictionary<string, string> ReleaseKeys { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Gets or sets the staged-rollout secret (base64, at least 16 bytes), the same on every instance.
    /// Absent: generated once into <c>{data}/rollout-secret</c>.
    /// </summary>
    public string? RolloutSecret { get; set; }
}

/// <summary>The database engine the server stores its data in.</summary>
public enum StorageProvider
{
    /// <summary>A SQLite file in the data folder: one server process.</summary>
    Sqlite,

    /// <summary>PostgreSQL (Npgsql): any number of server instances on one database.</summary>
    PostgreSql,
}

/// <summary>The section <c>FaktumServer:Storage</c>.</summary>
public sealed class StorageOptions
{
    /// <summary>Gets or sets the database engine.</summary>
    /// <value><see cref="StorageProvider.Sqlite"/>.</value>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>
    /// Gets or sets the connection string. Required for <see cref="StorageProvider.PostgreSql"/>
    /// (e.g. <c>Host=db;Database=faktum;Username=faktum;Password=…</c>); for SQLite it replaces the default file.
    /// </summary>
    /// <value><see langword="null"/>: for SQLite, <c>{DataDirectory}/faktum-licensing.db</c>.</value>
    public string? ConnectionString { get; set; }
}

/// <summary>How e-mail leaves the server.</summary>
public enum EmailMode
{
    /// <summary>Write .eml files into a pickup folder.</summary>
    Pickup,

    /// <summary>Send over SMTP with MailKit.</summary>
    Smtp,
}

/// <summary>The section <c>FaktumServer:Email</c>.</summary>
public sealed class EmailOptions
{
    /// <summary>Gets or sets how mail is sent.</summary>
    /// <value><see cref="EmailMode.Pickup"/>.</value>
    public EmailMode Mode { get; set; } = EmailMode.Pickup;

    /// <summary>Gets or sets the pickup folder.</summary>
    /// <value><c>{DataDirectory}/mail</c>.</value>
    public string? PickupDirectory { get; set; }

    /// <summary>Gets or sets the sender address.</summary>
    /// <value><c>licenses@localhost</c>.</value>
    [Required]
    public string From { get; set; } = "licenses@localhost";

    /// <summary>Gets or sets the sender display name.</summary>
    /// <value><c>Faktum Licensing</c>.</value>
    public string FromName { get; set; } = "Faktum Licensing";

    /// <summary>Gets or sets the language of the mails: <c>nl</c> or <c>en</c>.</summary>
    /// <value><c>nl</c>.</value>
    [RegularExpression("^(nl|en)$")]
    public string Language { get; set; } = "nl";

    /// <summary>Gets the products' display names in the mails, by product id (for example <c>faktum-factuur</c> → <c>Faktum Factuur</c>).</summary>
    /// <value>Empty: a mail names the product by its id.</value>
    public IDictionary<string, string> ProductNames { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets the SMTP settings (used when <see cref="Mode"/> is <see cref="EmailMode.Smtp"/>).</summary>
    public SmtpOptions Smtp { get; } = new();

    /// <summary>Gets the settings of the mail outbox: retries and how often it is polled.</summary>
    public MailOutboxOptions Outbox { get; } = new();
}

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

/// <summary>The section <c>FaktumServer:Email:Smtp</c>.</summary>
public sealed class SmtpOptions
{
    /// <summary>Gets or sets the SMTP host.</summary>
    public string? Host { get; set; }

    /// <summary>Gets or sets the SMTP port.</summary>
    /// <value>587.</value>
    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>Gets or sets the TLS mode: None, Auto, SslOnConnect, StartTls, StartTlsWhenAvailable.</summary>
    /// <value><see cref="SecureSocketOptions.StartTls"/>.</value>
    public SecureSocketOptions SecureSocketOptions { get; set; } = SecureSocketOptions.StartTls;

    /// <summary>Gets or sets the user name; without one the server does not authenticate.</summary>
    public string? UserName { get; set; }

    /// <summary>Gets or sets the password.</summary>
    public string? Password { get; set; }
}

/// <summary>The section <c>FaktumServer:RateLimits</c>: fixed windows, per client address and per e-mail address.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Gets or sets the requests one client address may make per window to each guarded endpoint.</summary>
    /// <value>20.</value>
    [Range(1, int.MaxValue)]
    public int PermitsPerAddress { get; set; } = 20;

    /// <summary>Gets or sets the startup checks (<c>POST /v1/startup</c>) one client address may make per <see cref="AddressWindow"/>.</summary>
    /// <value>120: every PC of a large office behind one address can start its program a few times a minute.</value>
    [Range(1, int.MaxValue)]
    public int StartupPermitsPerAddress { get; set; } = 120;

    /// <summary>Gets or sets the company corrections (<c>PATCH /v1/company</c>) one client address may make per <see cref="AddressWindow"/>.</summary>
    /// <value>10.</value>
    [Range(1, int.MaxValue)]
    public int CompanyCorrectionPermitsPerAddress { get; set; } = 10;

    /// <summary>Gets or sets the window of <see cref="PermitsPerAddress"/>, <see cref="StartupPermitsPerAddress"/> and <see cref="CompanyCorrectionPermitsPerAddress"/>.</summary>
    /// <value>1 minute.</value>
    public TimeSpan AddressWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets the requests naming one e-mail address per window (registrations, recoveries, confirmations together).</summary>
    /// <value>10.</value>
    [Range(1, int.MaxValue)]
    public int PermitsPerEmail { get; set; } = 10;

    /// <summary>Gets or sets the window of <see cref="PermitsPerEmail"/>.</summary>
    /// <value>15 minutes.</value>
    public TimeSpan EmailWindow { get; set; } = TimeSpan.FromMinutes(15);
}
