using System.ComponentModel.DataAnnotations;

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

    /// <summary>Gets or sets the seats of a new license: how many installations it may be bound to at once (the vendor changes them per license).</summary>
    /// <value>1.</value>
    [Range(1, 1000)]
    public int DefaultInstallationLimit { get; set; } = 1;

    /// <summary>Gets or sets the moves (a seat taken from one installation for another) a license may make per <see cref="MoveWindow"/> (S8).</summary>
    /// <value>3.</value>
    [Range(1, 1000)]
    public int MovesPerWindow { get; set; } = 3;

    /// <summary>Gets or sets the rolling window of <see cref="MovesPerWindow"/>.</summary>
    /// <value>30 days.</value>
    public TimeSpan MoveWindow { get; set; } = TimeSpan.FromDays(30);
    /// <summary>
    /// Gets or sets how long after a start-up check a repeat of the token it presented counts as a retry of that same start (its
    /// answers crossed, or two app processes started at once) rather than a later start: copy detection (docs/tokens.md) accepts
    /// any of those answers. Two copies started within it of each other are told apart one start later.
    /// </summary>
    /// <value>5 minutes.</value>
    public TimeSpan CopyRetryWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Gets the entitlements (editions, modules) a trial of each product carries while the vendor has set none for the license:
    /// product id → names. A paid license carries only what the vendor set (admin <c>licenses/{id}/entitlements</c>).
    /// </summary>
    /// <value>Empty: trials carry no entitlements.</value>
    public IDictionary<string, IList<string>> TrialEntitlements { get; } = new Dictionary<string, IList<string>>(StringComparer.Ordinal);

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

    /// <summary>Gets the metrics and traces settings (OTLP export, Prometheus scrape endpoint).</summary>
    public ObservabilityOptions Observability { get; } = new();

    /// <summary>Gets the retention periods of the scheduled purge.</summary>
    public RetentionOptions Retention { get; } = new();

    /// <summary>Gets the readiness settings.</summary>
    public HealthOptions Health { get; } = new();

    /// <summary>Gets the web console settings (on or off, its own URL, sessions, lockout).</summary>
    public ConsoleOptions Console { get; } = new();

    internal IReadOnlyList<string> EffectiveProducts => Products.Count == 0 ? ["faktum-factuur"] : Products.ToList();

    internal string ResolveDataDirectory(string contentRoot) =>
        Path.GetFullPath(Path.IsPathRooted(DataDirectory) ? DataDirectory : Path.Combine(contentRoot, DataDirectory));
}
