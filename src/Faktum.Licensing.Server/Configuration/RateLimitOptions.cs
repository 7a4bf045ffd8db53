using System.ComponentModel.DataAnnotations;

namespace Faktum.Licensing.Server.Configuration;

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

    /// <summary>Gets or sets the calls to the owner's installation list (<c>/v1/installations</c>) one client address may make per <see cref="AddressWindow"/>.</summary>
    /// <value>30.</value>
    [Range(1, int.MaxValue)]
    public int InstallationPermitsPerAddress { get; set; } = 30;

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
