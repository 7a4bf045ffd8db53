using System.ComponentModel.DataAnnotations;
using Faktum.Licensing.Internal;
using Faktum.Licensing.Protocol;

namespace Faktum.Licensing;

/// <summary>
/// Configures Faktum.Licensing: which license server to talk to, which keys to trust, and how long the app may run offline.
/// </summary>
/// <remarks>
/// Bind it from configuration (<c>"FaktumLicensing": { "ServerUrl": …, "ProductId": …, "TrustedKeys": { kid: x } }</c>)
/// or set it in code. Every invalid value fails when the host starts, with a message that says how to fix it.
/// </remarks>
public sealed class FaktumLicensingOptions
{
    // The DataAnnotations attributes describe the required members for tools and hosts that read them; the SDK itself validates
    // with plain code (FaktumLicensingOptionsValidator, the same messages), so that a start loads no DataAnnotations or regex.
    /// <summary>The default <see cref="Issuer"/>, the reference server's default.</summary>
    public const string DefaultIssuer = "faktum-licensing-server";

    /// <summary>The default <see cref="Channel"/>.</summary>
    public const string DefaultChannel = "stable";

    /// <summary>Gets or sets the license server's base address, for example <c>https://licenses.example.com/</c>.</summary>
    /// <value>No default: required. It must be an absolute <c>https</c> URL (<c>http</c> only for a loopback address).</value>
    [Required(ErrorMessage = FaktumLicensingOptionsValidator.ServerUrlRequired)]
    public Uri? ServerUrl { get; set; }

    /// <summary>Gets or sets the product id the license server knows this app by (the audience of every token).</summary>
    /// <value>No default: required. Lower-case letters, digits and '-', for example <c>faktum-factuur</c>.</value>
    [Required(ErrorMessage = FaktumLicensingOptionsValidator.ProductIdRequired)]
    [RegularExpression(ProductIds.Pattern, ErrorMessage = FaktumLicensingOptionsValidator.ProductIdMalformed)]
    public string? ProductId { get; set; }

    /// <summary>Gets or sets the issuer (<c>iss</c>) the license server signs with.</summary>
    /// <value><c>"faktum-licensing-server"</c>, the reference server's default.</value>
    [Required(ErrorMessage = FaktumLicensingOptionsValidator.IssuerRequired)]
    public string Issuer { get; set; } = DefaultIssuer;

    /// <summary>
    /// Gets the pinned Ed25519 public keys of the license server: key id (<c>kid</c>) → public key (the <c>x</c> of its OKP JWK,
    /// unpadded base64url). Signed objects are verified only with the key their <c>kid</c> names. Pin the next key before the
    /// server rotates to it; remove a key once it is retired. A cached license signed by a key no longer pinned is never trusted,
    /// but presented once more at the next start: a server that still verifies that key answers with a license signed by a
    /// pinned one (docs/operations.md, "Rotating the signing key").
    /// </summary>
    /// <value>Empty: at least one key is required. Each key id must be the RFC 7638 thumbprint of its key, as the server's
    /// <c>/.well-known/jwks.json</c> lists them.</value>
    public IDictionary<string, string> TrustedKeys { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Gets the pinned Ed25519 public keys that sign release manifests: key id → <c>x</c>, like <see cref="TrustedKeys"/> but a
    /// separate set — the license server cannot forge a release. Without any, update decisions are ignored
    /// (<see cref="LicenseStatus.UpdateDecision"/> stays <see langword="null"/>).
    /// </summary>
    /// <value>Empty. Each key id must be the RFC 7638 thumbprint of its key.</value>
    public IDictionary<string, string> ReleaseKeys { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets or sets the version of the host app sent at start-up.</summary>
    /// <value>The entry assembly's informational version (without a <c>+commit</c> suffix), else its assembly version.</value>
    public string? AppVersion { get; set; }

    /// <summary>Gets or sets the update channel sent at start-up.</summary>
    /// <value><c>"stable"</c>.</value>
    public string Channel { get; set; } = DefaultChannel;

    /// <summary>Gets or sets the folder that holds the local license state. Nothing is written anywhere else.</summary>
    /// <value>The OS's local application data folder, then <c>Faktum/&lt;ProductId&gt;</c>
    /// (on Windows <c>%LOCALAPPDATA%\Faktum\&lt;ProductId&gt;</c>, on Linux <c>~/.local/share/Faktum/&lt;ProductId&gt;</c>).</value>
    public string? DataDirectory { get; set; }

    /// <summary>Gets or sets how long the app keeps working on its cached license after the last successful online check.</summary>
    /// <value>14 days. Between 0 and 365 days.</value>
    public TimeSpan OfflineGrace { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Gets or sets the tolerated difference between the local clock and the server's.</summary>
    /// <value>5 minutes. Between 0 and 1 day.</value>
    public TimeSpan ClockTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Gets or sets the time one attempt of a server call may take until its headers arrive, and, separately, the time the reading of
    /// its answer may take; a call is tried at most three times where a repeat is harmless. The start-up check also ends at
    /// <see cref="StartupCheckTimeout"/>.
    /// </summary>
    /// <value>10 seconds. Between 100 milliseconds and 5 minutes.</value>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Gets or sets the one overall deadline of the start-up check's exchange with the server: every attempt, the waits between
    /// them and the reading of the answer. When it passes (a server that stalls, trickles, or never answers) the check ends and the
    /// app works on its cached license (<see cref="LicenseState.OfflineGrace"/>).
    /// </summary>
    /// <value>5 seconds. Between 100 milliseconds and 5 minutes.</value>
    public TimeSpan StartupCheckTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets the largest response body accepted from the server, in bytes; a larger one is refused while it is read.</summary>
    /// <value>65536 (64 KB). Between 4096 and 16777216.</value>
    public int MaxResponseBytes { get; set; } = 64 * 1024;
}
