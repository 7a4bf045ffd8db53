using Faktum.Licensing.Server.Registration;
using Faktum.Licensing.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Faktum.Licensing.Server.Admin;

/// <summary>
/// The vendor's way out of a squatted company (F2): release its identity, or hand it to the rightful owner's address.
/// Each is one transaction that writes its <see cref="AuditRecord"/> with the change (I9). Used through
/// <see cref="AdminOperations"/> by the admin API and the CLI.
/// </summary>
internal sealed class CompanyIdentityDisputes(LicensingDbContext db, TimeProvider time, AuditTrail trail)
{
    public const string ReleasedAction = AuditActions.IdentityReleased;
    public const string HandedOverAction = AuditActions.IdentityHandedOver;

    /// <summary>
    /// Revokes the licenses of the company that holds (or held) <paramref name="identityKey"/>, releases its installations,
    /// voids its pending passwords and frees every identity it holds, so the rightful owner can register. The company row
    /// stays (under a key no registration can produce) for the audit trail.
    /// </summary>
    public async Task<AdminDisputeResult> ReleaseAsync(string identityKey, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var company = await FindAsync(identityKey, cancellationToken).ConfigureAwait(false);
            if (company is null)
            {
                return AdminDisputeResult.Of(AdminDisputeStatus.NotFound);
            }

            await db.LockAccountAsync(company.AccountId, cancellationToken).ConfigureAwait(false);
            var licenses = await db.Licenses.Where(l => l.CompanyId == company.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var license in licenses)
            {
                license.Status = LicenseRecordStatus.Revoked;
            }

            await ReleaseInstallationsAsync(licenses, now, cancellationToken).ConfigureAwait(false);
            await VoidPasswordsAsync(company.AccountId, company.Id, now, cancellationToken).ConfigureAwait(false);
            var held = await db.HeldIdentities.Where(h => h.CompanyId == company.Id).Select(h => h.IdentityKey).ToListAsync(cancellationToken).ConfigureAwait(false);
            await db.HeldIdentities.Where(h => h.CompanyId == company.Id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            company.IdentityKey = "released:" + company.Id;
            var audit = Audit(ReleasedAction, company.Id, identityKey, reason,
                $"revoked {string.Join(' ', licenses.Select(l => l.Id))}; freed {held.Count} identities; account {company.AccountId}");
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new AdminDisputeResult(AdminDisputeStatus.Done, ReleasedAction, company.Id, held, licenses.Select(l => l.Id).ToList(), audit.Id);
        }
    }

    /// <summary>
    /// Moves the company that holds (or held) <paramref name="identityKey"/>, with its licenses, to a new account for
    /// <paramref name="email"/> (confirmed by the vendor's decision, so the owner continues with "existing company"). The
    /// squatter's installations are released (they learn "moved") and the squatter's account and passwords are removed.
    /// </summary>
    public async Task<AdminDisputeResult> HandOverAsync(string identityKey, string email, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var now = time.GetUtcNow();
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var company = await FindAsync(identityKey, cancellationToken).ConfigureAwait(false);
            if (company is null)
            {
                return AdminDisputeResult.Of(AdminDisputeStatus.NotFound);
            }

            if (await db.Accounts.AnyAsync(a => a.Email == email, cancellationToken).ConfigureAwait(false))
            {
                return AdminDisputeResult.Of(AdminDisputeStatus.TargetHoldsCompany);
            }

            var oldAccountId = company.AccountId;
            await db.LockAccountAsync(oldAccountId, cancellationToken).ConfigureAwait(false);
            var owner = new Account { Id = Ids.New("acc"), Email = email, Mailbox = Mailbox.Of(email), CreatedAt = now, EmailConfirmedAt = now };
            db.Accounts.Add(owner);
            company.AccountId = owner.Id;
            var licenses = await db.Licenses.Where(l => l.CompanyId == company.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
            await ReleaseInstallationsAsync(licenses, now, cancellationToken).ConfigureAwait(false);
            var audit = Audit(HandedOverAction, company.Id, identityKey, reason, $"from account {oldAccountId} to account {owner.Id}; licenses {string.Join(' ', licenses.Select(l => l.Id))}");
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

            // The squatter's account goes with its only company: its address is free again and can confirm nothing. An account
            // with other companies (S9) stays; only the passwords that could bring this company go.
            if (await db.Companies.AnyAsync(c => c.AccountId == oldAccountId && c.Id != company.Id, cancellationToken).ConfigureAwait(false))
            {
                await db.OneTimePasswords.Where(o => o.AccountId == oldAccountId && (o.CompanyId == null || o.CompanyId == company.Id)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                var kept = await db.HeldIdentities.AsNoTracking().Where(h => h.CompanyId == company.Id).Select(h => h.IdentityKey).ToListAsync(cancellationToken).ConfigureAwait(false);
                return new AdminDisputeResult(AdminDisputeStatus.Done, HandedOverAction, company.Id, kept, licenses.Select(l => l.Id).ToList(), audit.Id);
            }

            await db.OneTimePasswords.Where(o => o.AccountId == oldAccountId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await db.OutboxMessages.Where(m => m.AccountId == oldAccountId && m.Status == OutboxMessageStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxMessageStatus.Discarded).SetProperty(m => m.Content, (byte[]?)null)
                    .SetProperty(m => m.CompletedAt, now), cancellationToken).ConfigureAwait(false);
            await db.Accounts.Where(a => a.Id == oldAccountId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            var keys = await db.HeldIdentities.AsNoTracking().Where(h => h.CompanyId == company.Id).Select(h => h.IdentityKey).ToListAsync(cancellationToken).ConfigureAwait(false);
            return new AdminDisputeResult(AdminDisputeStatus.Done, HandedOverAction, company.Id, keys, licenses.Select(l => l.Id).ToList(), audit.Id);
        }
    }

    private Task<Company?> FindAsync(string identityKey, CancellationToken cancellationToken) =>
        db.Companies.SingleOrDefaultAsync(
            c => c.IdentityKey == identityKey || db.HeldIdentities.Any(h => h.IdentityKey == identityKey && h.CompanyId == c.Id), cancellationToken);

    private async Task ReleaseInstallationsAsync(List<License> licenses, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = licenses.Select(l => l.Id).ToList();
        await db.Installations.Where(i => ids.Contains(i.LicenseId) && i.ReleasedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ReleasedAt, now), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Voids the account's pending passwords that could bring the company: its registration's and the recovery passwords (S9: not another company's).</summary>
    private Task<int> VoidPasswordsAsync(string accountId, string companyId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.OneTimePasswords.Where(o => o.AccountId == accountId && o.ConsumedAt == null && o.VoidedAt == null && (o.CompanyId == null || o.CompanyId == companyId))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.VoidedAt, now), cancellationToken);

    private AuditRecord Audit(string action, string companyId, string identityKey, string reason, string detail)
    {
        return trail.Add(action, companyId, null, null, null, $"identity {identityKey}; reason {reason}; {detail}");
    }
}
