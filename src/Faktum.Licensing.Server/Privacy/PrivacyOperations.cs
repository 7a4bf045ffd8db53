using Faktum.Licensing.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Faktum.Licensing.Server.Privacy;

/// <summary>
/// The processor's duties for one company under the AVG/GDPR (docs/privacy.md): <see cref="ExportAsync"/> everything
/// stored about it, and <see cref="EraseAsync"/> its personal data. Shared by the admin API and the CLI, each one
/// transaction, on the model of <see cref="Admin.AdminOperations"/>.
/// </summary>
internal sealed class PrivacyOperations(LicensingDbContext db, TimeProvider time)
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
        var passwords = await db.OneTimePasswords.AsNoTracking().Where(o => o.AccountId == account.Id).OrderBy(o => o.CreatedAt)
            .Select(o => new PrivacyExportOneTimePassword(o.Id, o.InstallationId, o.CreatedAt, o.ExpiresAt, o.FailedAttempts, o.ConsumedAt, o.VoidedAt))
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
    /// Erases the company's personal data: the e-mail address (replaced by <c>erased-{account id}@erased.invalid</c>,
    /// so the address is free for a new registration), the contact person, phone and street address; deletes its
    /// one-time passwords and its mails. Kept, for the vendor's bookkeeping and fraud prevention: the company name,
    /// postcode and country with the canonical identity key (one license per company, I1), the licenses and the
    /// installations (random ids, no personal data) — so the company's installations keep working.
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
                account.Email = $"erased-{account.Id}@{ErasedEmailDomain}";
                account.Mailbox = account.Email;
                company.ContactName = Erased;
                company.Phone = null;
                company.Street = Erased;
                company.HouseNumber = Erased;
                company.City = Erased;
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                await db.OneTimePasswords.Where(o => o.AccountId == account.Id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
                await db.OutboxMessages.Where(m => m.AccountId == account.Id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);

                // Labels are typed by the user and may name a person ("Laptop Jan"): they go too (S8).
                await db.Installations.Where(i => db.Licenses.Any(l => l.Id == i.LicenseId && l.CompanyId == company.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.Label, (string?)null), cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }
        }
    }
}
