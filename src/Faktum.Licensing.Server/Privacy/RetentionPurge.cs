using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Registration;
using Faktum.Licensing.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Server.Privacy;

/// <summary>
/// One pass of the retention purge (<see cref="RetentionService"/>; docs/privacy.md, "Retention jobs"). Every delete is
/// a conditional DELETE on the stored times, so instances need not agree on who runs it: two passes at once delete each
/// row once, and the second finds nothing.
/// </summary>
/// <remarks>
/// The records of an account not yet confirmed stay with it: its one-time passwords tie the registration to the
/// installation that made it (F5), and go with the registration when it is purged or released (<see cref="LapsedRegistrations"/>).
/// </remarks>
internal sealed class RetentionPurge(LicensingDbContext db, LapsedRegistrations registrations, IOptions<FaktumServerOptions> options)
{
    public async Task<RetentionPurgeResult> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var retention = settings.Retention;

        var passwordCutoff = now - retention.OneTimePasswords;
        var passwords = await db.OneTimePasswords
            .Where(o => o.ExpiresAt < passwordCutoff && db.Accounts.Any(a => a.Id == o.AccountId && a.EmailConfirmedAt != null))
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);

        // A mail's body is deleted when it is sent, given up or discarded (MailOutboxDispatcher); its record goes here.
        var mailCutoff = now - settings.Email.Outbox.Retention;
        var mails = await db.OutboxMessages
            .Where(m => m.Status != OutboxMessageStatus.Pending && m.CompletedAt != null && m.CompletedAt < mailCutoff)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);

        var idempotencyCutoff = now - settings.IdempotencyRetention;
        var answers = await db.IdempotencyRecords.Where(r => r.CreatedAt < idempotencyCutoff)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);

        var unconfirmed = await registrations.PurgeStaleAsync(now - retention.UnconfirmedRegistrations, cancellationToken).ConfigureAwait(false);

        var result = new RetentionPurgeResult(passwords, mails, answers, unconfirmed);
        if (result.Total > 0)
        {
            // The deleted rows held e-mail addresses, contact data and password hashes: out of SQLite's WAL too.
            await db.FlushDeletedContentAsync(cancellationToken).ConfigureAwait(false);
        }

        return result;
    }
}
