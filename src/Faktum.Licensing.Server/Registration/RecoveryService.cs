using Faktum.Licensing.Registration;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Email;
using Faktum.Licensing.Server.Http;
using Faktum.Licensing.Server.Licenses;
using Faktum.Licensing.Server.OneTimePasswords;
using Faktum.Licensing.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Server.Registration;

/// <summary>
/// Mails a one-time password to the account of an e-mail address (S4; I5: the same answer whether or not the address is
/// known). One transaction: the new password replaces any pending one, and its mail is committed with it.
/// </summary>
internal sealed partial class RecoveryService(
    LicensingDbContext db,
    IOptions<FaktumServerOptions> options,
    LicenseTokenService tokens,
    EmailRateLimiter emailLimiter,
    EmailComposer composer,
    MailOutbox outbox,
    TimeProvider time,
    ILoggerFactory loggers)
{
    /// <summary>An account id no account has (ids are <c>acc_</c> and random): the unknown address's statements touch nothing.</summary>
    private const string NoAccountId = "acc_none";

    private readonly ILogger _logger = loggers.CreateLogger(RegistrationService.LogCategory);

    public async Task<RecoveryOutcome> RecoverAsync(RecoveryRequest request, System.Net.IPAddress? client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        var check = new Validation();
        var address = check.Email("email", request.Email);
        var installationId = check.InstallationId("installationId", request.InstallationId);
        if (string.IsNullOrEmpty(request.Product))
        {
            check.Add("product", FieldCodes.Required, "This field is required.");
        }

        if (!check.IsValid)
        {
            return new RecoveryOutcome(RecoveryStatus.Invalid, check.Errors);
        }

        if (!tokens.IsProduct(request.Product))
        {
            return RecoveryOutcome.Of(RecoveryStatus.UnsupportedProduct);
        }

        if (!emailLimiter.TryAcquire(address!, client))
        {
            return RecoveryOutcome.Of(RecoveryStatus.RateLimited);
        }

        var now = time.GetUtcNow();
        var found = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Email == address, cancellationToken).ConfigureAwait(false);

        // From here on a known and an unknown address take the same steps (F6): the same queries, one Argon2id hash, one
        // transaction with the same statements (against an id no account has) and one outbox row, which for an unknown
        // address is written already discarded and without a body. Only the answer's wording is shared by design (I5).
        var accountId = found?.Id ?? NoAccountId;
        // An unconfirmed account has one company (its registration's); a confirmed one may have several (S9): the first will do.
        var company = await db.Companies.AsNoTracking().Where(c => c.AccountId == accountId).OrderBy(c => c.CreatedAt).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var askedBefore = await db.OneTimePasswords.AsNoTracking()
            .AnyAsync(o => o.AccountId == accountId && o.InstallationId == installationId, cancellationToken).ConfigureAwait(false);

        // Recovery recovers confirmed accounts only (F5). An unconfirmed registration gets a fresh registration password
        // only when its own installation asks (a lost mail); for anyone else it is an unknown address.
        var account = found is { EmailConfirmedAt: null } && !askedBefore ? null : found;
        var password = OneTimePasswordHasher.Generate();
        var (hash, salt) = OneTimePasswordHasher.Hash(password);
        var expiresAt = now + settings.OneTimePasswordLifetime;
        var mail = account is { EmailConfirmedAt: null }
            ? composer.RegistrationPassword(account.Email, request.Product!, password, company?.Name ?? string.Empty, settings.OneTimePasswordLifetime, settings.UnconfirmedRegistrationLifetime)
            : composer.OneTimePassword(address!, request.Product!, password, registration: false, settings.OneTimePasswordLifetime);
        accountId = account?.Id ?? NoAccountId;
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            // A new password replaces any pending one; the account's lock keeps that true across server instances. The password
            // of a confirmed account's pending company (S9) stays: it confirms that company, which a recovery cannot bring.
            var confirmed = account is { EmailConfirmedAt: not null };
            await db.LockAccountAsync(accountId, cancellationToken).ConfigureAwait(false);
            await db.OneTimePasswords
                .Where(o => o.AccountId == accountId && o.ConsumedAt == null && o.VoidedAt == null && (!confirmed || o.CompanyId == null))
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.VoidedAt, now), cancellationToken).ConfigureAwait(false);

            // A mail with the replaced password still waiting in the outbox (mail server away) is useless: drop its body.
            await MailOutbox.DiscardPendingPasswordsAsync(db, accountId, now, cancellationToken).ConfigureAwait(false);
            if (account is null)
            {
                MailOutbox.EnqueueDecoy(db, mail, now);
            }
            else
            {
                db.OneTimePasswords.Add(new OneTimePassword
                {
                    Id = Ids.New("otp"),
                    AccountId = account.Id,
                    Hash = hash,
                    Salt = salt,
                    InstallationId = installationId!,
                    CompanyId = account.EmailConfirmedAt is null ? company?.Id : null, // a registration password again (a lost mail)
                    CreatedAt = now,
                    ExpiresAt = expiresAt,
                });
                MailOutbox.Enqueue(db, mail, MailOutbox.OneTimePasswordKind, account.Id, now, discardAfter: expiresAt);
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (account is null)
        {
            var fingerprint = LogFingerprint.Of(address!);
            Log.RecoveryForUnknownAddress(_logger, fingerprint);
            return RecoveryOutcome.Of(RecoveryStatus.Accepted);
        }

        outbox.Signal();
        Log.RecoveryStarted(_logger, account.Id);
        return RecoveryOutcome.Of(RecoveryStatus.Accepted);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 203, EventName = "RecoveryStarted", Level = LogLevel.Information, Message = "Queued a recovery one-time password for account {AccountId}")]
        public static partial void RecoveryStarted(ILogger logger, string accountId);

        [LoggerMessage(EventId = 204, EventName = "RecoveryForUnknownAddress", Level = LogLevel.Information, Message = "Recovery for an unknown address ({EmailFingerprint})")]
        public static partial void RecoveryForUnknownAddress(ILogger logger, string emailFingerprint);
    }
}
