using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Email;
using Faktum.Licensing.Server.OneTimePasswords;
using Faktum.Licensing.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Server.Admin;

/// <summary>
/// The mail actions of <see cref="AdminOperations"/>. A mail's body is deleted once it is sent or given up (it may hold a
/// one-time password), so "resend" and "retry" both issue a new password, void the old one and queue a new mail, in one
/// transaction with the audit row.
/// </summary>
internal sealed class AdminMailOperations(LicensingDbContext db, TimeProvider time, AuditTrail trail, IServiceProvider services)
{
    public async Task<AdminOutcome<AdminMailDto>> ResendConfirmationAsync(string companyId, CancellationToken cancellationToken)
    {
        var company = await db.Companies.Include(c => c.Account).SingleOrDefaultAsync(c => c.Id == companyId, cancellationToken).ConfigureAwait(false);
        if (company is null)
        {
            return AdminOutcome<AdminMailDto>.NotFound("No company has that id.");
        }

        return company.Account!.EmailConfirmedAt is not null
            ? AdminOutcome<AdminMailDto>.Refused(AdminRefusals.AccountAlreadyConfirmed, "The company's e-mail address is already confirmed; there is no confirmation to resend.")
            : await IssueAsync(company, AuditActions.ConfirmationMailResent, null, cancellationToken).ConfigureAwait(false);
    }

    public async Task<AdminOutcome<AdminMailDto>> RetryAsync(string messageId, CancellationToken cancellationToken)
    {
        var message = await db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == messageId, cancellationToken).ConfigureAwait(false);
        if (message is null)
        {
            return AdminOutcome<AdminMailDto>.NotFound("No mail has that id.");
        }

        if (message.Status != OutboxMessageStatus.Failed)
        {
            return AdminOutcome<AdminMailDto>.Refused(AdminRefusals.MailNotFailed, $"The mail is {message.Status.ToString().ToLowerInvariant()}; only a mail the outbox gave up on can be retried.");
        }

        var company = message is { Kind: MailOutbox.OneTimePasswordKind, AccountId: { } accountId }
            ? await MailedCompanyAsync(accountId, cancellationToken).ConfigureAwait(false)
            : null;
        return company is null
            ? AdminOutcome<AdminMailDto>.Refused(AdminRefusals.MailNotRetryable, "Only a one-time-password mail of an existing account can be retried; this one carries nothing to act on.")
            : await IssueAsync(company, AuditActions.MailRetried, message.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The company a password mail of the account was about: of an account with several (S9), the company of its newest password, else its first.</summary>
    private async Task<Company?> MailedCompanyAsync(string accountId, CancellationToken cancellationToken)
    {
        var newest = await db.OneTimePasswords.AsNoTracking().Where(o => o.AccountId == accountId).OrderByDescending(o => o.CreatedAt)
            .Select(o => o.CompanyId).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return await db.Companies.Include(c => c.Account).Where(c => c.AccountId == accountId)
            .OrderBy(c => c.Id == newest ? 0 : 1).ThenBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<AdminOutcome<AdminMailDto>> IssueAsync(Company company, string action, string? retriedId, CancellationToken cancellationToken)
    {
        var account = company.Account!;
        var last = await db.OneTimePasswords.AsNoTracking().Where(o => o.AccountId == account.Id).OrderByDescending(o => o.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var product = await db.Licenses.AsNoTracking().Where(l => l.CompanyId == company.Id).OrderBy(l => l.CreatedAt).Select(l => l.Product)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (last is null || product is null)
        {
            return AdminOutcome<AdminMailDto>.Refused(AdminRefusals.NoPendingRegistration, "The account never asked for a one-time password from an installation, so there is none to send again.");
        }

        var settings = services.GetRequiredService<IOptions<FaktumServerOptions>>().Value;
        var composer = services.GetRequiredService<EmailComposer>();
        var now = time.GetUtcNow();
        var password = OneTimePasswordHasher.Generate();
        var (hash, salt) = OneTimePasswordHasher.Hash(password);
        var expiresAt = now + settings.OneTimePasswordLifetime;
        // A company whose registration is still pending gets its registration password again (S9: also one of a confirmed account).
        var pending = account.EmailConfirmedAt is null
            || !await db.Licenses.AnyAsync(l => l.CompanyId == company.Id && l.Status != LicenseRecordStatus.Pending, cancellationToken).ConfigureAwait(false);
        var mail = pending
            ? composer.RegistrationPassword(account.Email, product, password, company.Name, settings.OneTimePasswordLifetime, settings.UnconfirmedRegistrationLifetime)
            : composer.OneTimePassword(account.Email, product, password, registration: false, settings.OneTimePasswordLifetime);
        var confirmed = account.EmailConfirmedAt is not null;
        var companyId = pending ? company.Id : null;
        OutboxMessage queued;
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            // As a recovery does: the new password replaces any pending one of its kind (of a confirmed account: the company's
            // registration password, or the recovery password), under the account's lock.
            await db.LockAccountAsync(account.Id, cancellationToken).ConfigureAwait(false);
            await db.OneTimePasswords.Where(o => o.AccountId == account.Id && o.ConsumedAt == null && o.VoidedAt == null && (!confirmed || o.CompanyId == companyId))
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.VoidedAt, now), cancellationToken).ConfigureAwait(false);
            await MailOutbox.DiscardPendingPasswordsAsync(db, account.Id, now, cancellationToken).ConfigureAwait(false);
            db.OneTimePasswords.Add(new OneTimePassword
            {
                Id = Ids.New("otp"),
                AccountId = account.Id,
                Hash = hash,
                Salt = salt,
                InstallationId = last.InstallationId,
                CompanyId = companyId,
                CreatedAt = now,
                ExpiresAt = expiresAt,
            });
            queued = MailOutbox.Enqueue(db, mail, MailOutbox.OneTimePasswordKind, account.Id, now, discardAfter: expiresAt);
            trail.Add(action, company.Id, null, null, null, retriedId is null ? $"queued {queued.Id}" : $"retried {retriedId}; queued {queued.Id}");
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        services.GetService<MailOutbox>()?.Signal();
        return AdminOutcome<AdminMailDto>.Done(AdminMailDto.From(queued, company.Id));
    }
}
