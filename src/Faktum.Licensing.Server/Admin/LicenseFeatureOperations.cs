using Faktum.Licensing.Server.Copies;
using Faktum.Licensing.Server.Licenses;
using Faktum.Licensing.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Faktum.Licensing.Server.Admin;

/// <summary>
/// The vendor's actions on a license's entitlements and on copy detection, shared by the admin API, the CLI's --data-dir mode
/// and the console. Each change is one <see cref="AdminOperations.ChangeLicenseAsync{T}"/>: the license's row locked, its audit record (I9).
/// </summary>
internal sealed class LicenseFeatureOperations(LicensingDbContext db, CopyDetection copies, AdminOperations operations)
{
    public async Task<AdminEntitlementsDto?> EntitlementsAsync(string licenseId, CancellationToken cancellationToken)
    {
        var license = await db.Licenses.AsNoTracking().SingleOrDefaultAsync(l => l.Id == licenseId, cancellationToken).ConfigureAwait(false);
        return license is null ? null : Describe(license);
    }

    /// <summary>Sets what the license grants (checked names, see <see cref="EntitlementNames"/>); <see langword="null"/> returns it to the default.</summary>
    public async Task<AdminEntitlementsDto?> SetEntitlementsAsync(string licenseId, IReadOnlyList<string>? entitlements, CancellationToken cancellationToken) =>
        (await operations.ChangeLicenseAsync(licenseId, AuditActions.LicenseEntitlementsSet, lockAccount: false, (license, _) =>
        {
            license.Entitlements = EntitlementNames.Store(entitlements);
            return Task.FromResult(Detail(entitlements is null ? "entitlements: the default" : $"entitlements: [{string.Join(", ", EntitlementNames.Read(license.Entitlements))}]"));
        }, (license, _) => Task.FromResult(Describe(license)), cancellationToken).ConfigureAwait(false)).Value;

    public async Task<AdminCopiesDto?> CopiesAsync(string licenseId, CancellationToken cancellationToken)
    {
        if (!await db.Licenses.AnyAsync(l => l.Id == licenseId, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var states = await copies.StatesAsync(licenseId, cancellationToken).ConfigureAwait(false);
        return new AdminCopiesDto(licenseId, states.OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => new AdminCopyStateDto(s.Key, s.Value.Issued, s.Value.IsDuplicated, s.Value.DuplicatedAt, s.Value.DuplicatedThrough)).ToList());
    }

    /// <summary>Clears copy detection for every installation of the license that was flagged: the vendor's word that one copy is gone.</summary>
    public async Task<AdminCopiesDto?> ClearCopiesAsync(string licenseId, CancellationToken cancellationToken) =>
        (await operations.ChangeLicenseAsync(licenseId, AuditActions.LicenseCopiesCleared, lockAccount: false,
            async (license, c) => Detail($"installations: [{string.Join(", ", await copies.ClearAsync(license.Id, c).ConfigureAwait(false))}]"),
            async (license, c) => (await CopiesAsync(license.Id, c).ConfigureAwait(false))!, cancellationToken).ConfigureAwait(false)).Value;

    private static AdminEntitlementsDto Describe(License license) => new(
        license.Id, license.Product, license.Kind.ToString().ToLowerInvariant(), license.Entitlements is null ? null : EntitlementNames.Read(license.Entitlements));

    private static LicenseChange Detail(string detail) => new(null, null, detail);
}
