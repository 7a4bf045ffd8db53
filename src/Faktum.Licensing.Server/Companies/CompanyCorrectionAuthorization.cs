using System.Diagnostics.CodeAnalysis;
using Faktum.Licensing.Server.Storage;

namespace Faktum.Licensing.Server.Companies;

/// <summary>
/// Whether a company correction may go ahead: the bearer token is a current license token of this server, its license is
/// active and bound to the token's installation. Made by <see cref="CompanyCorrectionService.AuthorizeAsync"/>.
/// </summary>
internal sealed record CompanyCorrectionAuthorization
{
    private CompanyCorrectionAuthorization(License? license, string? installationId, long generation)
    {
        License = license;
        InstallationId = installationId;
        Generation = generation;
    }

    public static CompanyCorrectionAuthorization Refused { get; } = new(null, null, 0);

    /// <summary>Gets the license the token stands for, when <see cref="Authorized"/>.</summary>
    public License? License { get; }

    /// <summary>Gets the installation the token is bound to, when <see cref="Authorized"/>.</summary>
    public string? InstallationId { get; }

    /// <summary>Gets the presented token's generation: the corrected token carries the same (a correction is no start).</summary>
    public long Generation { get; }

    [MemberNotNullWhen(true, nameof(License), nameof(InstallationId))]
    public bool Authorized => License is not null && InstallationId is not null;

    public static CompanyCorrectionAuthorization For(License license, string installationId, long generation = 0) => new(license, installationId, generation);
}
