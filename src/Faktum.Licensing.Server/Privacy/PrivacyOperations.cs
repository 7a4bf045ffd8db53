using Faktum.Licensing.Server.Admin;
using Faktum.Licensing.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Faktum.Licensing.Server.Privacy;

/// <summary>
/// The processor's duties for one company under the AVG/GDPR (docs/privacy.md): <see cref="ExportAsync"/> everything
/// stored about it, and <see cref="EraseAsync"/> its personal data. Shared by the admin API and the CLI, each one
/// transaction, on the model of <see cref="Admin.AdminOperations"/>.
/// </summary>
internal sealed class PrivacyOperations(LicensingDbContext db, AuditActor actor, TimeProvider time)
{
    /// <summary>What the erased text fields hold.</summary>
    public const string Erased = "(erased)";

    /// <summary>The domain of an erased account's placeholder address: <c>.invalid</c> can never receive mail (RFC 2606).</summary>
    public const string ErasedEmailDomain = "erased.invalid";

    /// <summary>Everything stored about the company, or <see langword="null"/> when no company has that id.</summary>
    public async Task<PrivacyExport?> ExportAsync(string companyId, CancellationToken cancellationToken)
    {
        var company = await db.Companies.AsNoTracking().Include(c => c.Account).SingleOrDefaultAsync(c => c.Id == companyId, cancellationToken).ConfigureAwait(false);
        if (company is null)
        {
            return null;
        }

        var account = company.Account!;
        company.Account = null; // exported once, at the top
        var licenses = await db.Licenses.AsNoTracking().Where(l => l.CompanyId == company.Id).OrderBy(l => l.CreatedAt).ToListAsync(cancellationToken).ConfigureAwait(false);
        var licenseIds = licenses.Select(l => l.Id).ToList();
        var installations = await db.Installations.AsNoTracking().Where(i => licenseIds.Contains(i.LicenseId)).OrderBy(i => i.BoundAt).ToListAsync(cancellationToken).ConfigureAwait(false);
        // The account's recovery passwords and this company's registration passwords; not another company's (S9).
        var passwords = await db.OneTimePasswords.AsNoTracking().Where(o => o.AccountId == account.Id && (o.CompanyId == null || o.CompanyId == company.Id)).OrderBy(o => o.CreatedAt)
            .Select(o => new PrivacyExportOneTimePassword(o.Id, o.InstallationId, o.CreatedAt, o.ExpiresAt, o.FailedAttempts, o.ConsumedAt, o.VoidedAt, o.CompanyId))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var mails = await db.OutboxMessages.AsNoTracking().Where(m => m.AccountId == account.Id).OrderBy(m => m.CreatedAt)
            .Select(m => new { m.Id, m.Kind, m.Status, m.CreatedAt, m.CompletedAt, m.Attempts, m.LastError })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var license in licenses)
        {
            license.Company = null;
        }

        return new PrivacyExport(time.GetUtcNow(), account, company, licenses, installations, passwords,
            mails.Select(m => new PrivacyExportMail(m.Id, m.Kind, m.Status.ToString().ToLowerInvariant(), m.CreatedAt, m.CompletedAt, m.Attempts, m.LastError)).ToList());
    }

    /// <summary>
    /// Erases the company's personal data: the contact person, phone and street address, and the labels of its installations;
    /// deletes the one-time passwords its registration mailed. When no other company of the account still uses the e-mail
    /// address (S9: an account may own several), the address goes too (replaced by <c>erased-{account id}@erased.invalid</c>,
    /// so it is free for a new registration), with every password and mail of the account; otherwise the address, the
    /// account's recovery passwords and its mails stay for the companies that use them. Kept, for the vendor's bookkeeping and
    /// fraud prevention: the company name, postcode and country with the canonical identity key (one license per company, I1),
    /// the licenses and the installations (random ids, no personal data) — so the company's installations keep working. The
    /// erase is audited in its own transaction (I9): who, when, which company; no personal data.
    /// </summary>
    /// <returns><see langword="false"/> when no company has that id.</returns>
    public async Task<bool> EraseAsync(string companyId, CancellationToken cancellationToken)
    {
        var erased = await EraseInTransactionAsync(companyId, cancellationToken).ConfigureAwait(false);
        if (erased)
        {
            // The old values may sit in freed pages and in the write-ahead log: zeroed and checkpointed where the engine allows.
            await db.FlushDeletedContentAsync(cancellationToken).ConfigureAwait(false);
        }

        return erased;
    }

    private async Task<bool> EraseInTransactionAsync(string companyId, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var company = await db.Companies.Include(c => c.Account).SingleOrDefaultAsync(c => c.Id == companyId, cancellationToken).ConfigureAwait(false);
            if (company is null)
            {
                return false;
            }

            var account = company.Account!;
            await db.LockAccountAsync(account.Id, cancellationToken).ConfigureAwait(false);
            var addressInUse = await db.Companies.AnyAsync(c => c.AccountId == account.Id && c.Id != company.Id && c.ContactName != Erased, cancellationToken).ConfigureAwait(false);
            if (!addressInUse)
            {
                account.Email = $"erased-{account.Id}@{ErasedEmailDomain}";
                account.Mailbox = account.Email;
            }

            company.ContactName = Erased;
            company.Phone = null;
            company.Street = Erased;
            company.HouseNumber = Erased;
            company.City = Erased;
            new AuditTrail(db, actor, time).Add(AuditActions.CompanyErased, company.Id, null, null, null,
                addressInUse ? "erased contact and address; the e-mail address stays for the account's other companies" : "erased contact, address and e-mail address");
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            if (addressInUse)
            {
                await db.OneTimePasswords.Where(o => o.AccountId == account.Id && o.CompanyId == company.Id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await db.OneTimePasswords.Where(o => o.AccountId == account.Id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
                await db.OutboxMessages.Where(m => m.AccountId == account.Id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            }

            // Labels are typed by the user and may name a person ("Laptop Jan"): they go too (S8).
            await db.Installations.Where(i => db.Licenses.Any(l => l.Id == i.LicenseId && l.CompanyId == company.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Label, (string?)null), cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
    }
}
