using Faktum.Licensing.Server.Copies;
using Faktum.Licensing.Server.Licenses;
using Faktum.Licensing.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Faktum.Licensing.Server.Admin;

/// <summary>
/// The vendor's actions on a license's entitlements and on copy detection, shared by the admin API and the CLI's --data-dir mode.
/// Each change is one transaction with its audit record (I9).
/// </summary>
internal sealed class LicenseFeatureOperations(LicensingDbContext db, CopyDetection copies, AuditActor actor, TimeProvider time)
{
    public async Task<AdminEntitlementsDto?> EntitlementsAsync(string licenseId, CancellationToken cancellationToken)
    {
        var license = await db.Licenses.AsNoTracking().SingleOrDefaultAsync(l => l.Id == licenseId, cancellationToken).ConfigureAwait(false);
        return license is null ? null : Describe(license);
    }

    /// <summary>Sets what the license grants (checked names, see <see cref="EntitlementNames"/>); <see langword="null"/> returns it to the default.</summary>
    public async Task<AdminEntitlementsDto?> SetEntitlementsAsync(string licenseId, IReadOnlyList<string>? entitlements, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var license = await db.Licenses.Include(l => l.Company).SingleOrDefaultAsync(l => l.Id == licenseId, cancellationToken).ConfigureAwait(false);
            if (license is null)
            {
                return null;
            }

            license.Entitlements = EntitlementNames.Store(entitlements);
            Audit(license, AuditActions.LicenseEntitlementsSet, entitlements is null ? "entitlements: the default" : $"entitlements: [{string.Join(", ", EntitlementNames.Read(license.Entitlements))}]");
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return Describe(license);
        }
    }

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
    public async Task<AdminCopiesDto?> ClearCopiesAsync(string licenseId, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var license = await db.Licenses.Include(l => l.Company).SingleOrDefaultAsync(l => l.Id == licenseId, cancellationToken).ConfigureAwait(false);
            if (license is null)
            {
                return null;
            }

            var cleared = await copies.ClearAsync(licenseId, cancellationToken).ConfigureAwait(false);
            Audit(license, AuditActions.LicenseCopiesCleared, $"installations: [{string.Join(", ", cleared)}]");
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return await CopiesAsync(licenseId, cancellationToken).ConfigureAwait(false);
    }

    private static AdminEntitlementsDto Describe(License license) => new(
        license.Id, license.Product, license.Kind.ToString().ToLowerInvariant(), license.Entitlements is null ? null : EntitlementNames.Read(license.Entitlements));

    private void Audit(License license, string action, string detail) =>
        new AuditTrail(db, actor, time).Add(action, license.CompanyId, license.Id, null, null, detail);
}
