namespace Faktum.Licensing.Protocol;

// Part of the JSON wire contract of /v1 (docs/protocol.md): camelCase members, immutable; the server refuses unknown members.
/// <summary>
/// POST /v1/startup: exactly these members (invariant I4). An installation with one license sends <see cref="License"/>; one with
/// several (S9) sends them all in <see cref="Licenses"/> instead (at most <see cref="MaxLicenses"/>), never both: one call checks
/// every license on the installation and looks for updates once.
/// </summary>
internal sealed record StartupRequest(string? License, string? AppVersion, string? Channel, string? Nonce, IReadOnlyList<string>? Licenses = null)
{
    /// <summary>The most license tokens one start-up call may carry.</summary>
    public const int MaxLicenses = 25;
}
