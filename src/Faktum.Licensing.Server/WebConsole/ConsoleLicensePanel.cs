using Faktum.Licensing.Server.Admin;

namespace Faktum.Licensing.Server.WebConsole;

/// <summary>
/// What the company page shows of a license beyond <see cref="AdminLicenseDto"/>: its seats and move budget, its entitlements
/// (and the default it falls back to), and copy detection's view of its installations.
/// </summary>
internal sealed record ConsoleLicensePanel(AdminSeatsDto Seats, AdminEntitlementsDto Entitlements, IReadOnlyList<string> DefaultEntitlements, AdminCopiesDto Copies)
{
    /// <summary>Gets what the license grants now: what the vendor set, else the default.</summary>
    public IReadOnlyList<string> Granted => Entitlements.Entitlements ?? DefaultEntitlements;

    /// <summary>Gets whether copy detection holds a verdict the vendor can clear.</summary>
    public bool HasCopies => Copies.Installations.Any(i => i.Duplicated || i.CopiesThrough is not null);
}
