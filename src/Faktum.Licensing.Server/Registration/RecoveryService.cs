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
            check.Add("product", "This field is required.");
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
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Email == address, cancellationToken).ConfigureAwait(false);

        // Recovery recovers confirmed accounts only (F5). An unconfirmed registration gets a fresh registration password
        // only when its own installation asks (a lost mail); for anyone else it is an unknown address.
        var company = account is null ? null : await db.Companies.AsNoTracking().SingleOrDefaultAsync(c => c.AccountId == account.Id, cancellationToken).ConfigureAwait(false);
        if (account is { EmailConfirmedAt: null } && !await db.OneTimePasswords.AsNoTracking()
                .AnyAsync(o => o.AccountId == account.Id && o.InstallationId == installationId, cancellationToken).ConfigureAwait(false))
        {
            account = null;
        }

        if (account is null)
        {
            // No enumeration (I5): the same answer, after comparable work.
            OneTimePasswordHasher.HashDummy();
            var fingerprint = LogFingerprint.Of(address!);
            Log.RecoveryForUnknownAddress(_logger, fingerprint);
            return RecoveryOutcome.Of(RecoveryStatus.Accepted);
        }

        var password = OneTimePasswordHasher.Generate();
        var (hash, salt) = OneTimePasswordHasher.Hash(password);
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            // A new password replaces any pending one; the account's lock keeps that true across server instances.
            await db.LockAccountAsync(account.Id, cancellationToken).ConfigureAwait(false);
            await db.OneTimePasswords
                .Where(o => o.AccountId == account.Id && o.ConsumedAt == null && o.VoidedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.VoidedAt, now), cancellationToken).ConfigureAwait(false);

            // A mail with the replaced password still waiting in the outbox (mail server away) is useless: drop its body.
            await MailOutbox.DiscardPendingPasswordsAsync(db, account.Id, now, cancellationToken).ConfigureAwait(false);
            var expiresAt = now + settings.OneTimePasswordLifetime;
            db.OneTimePasswords.Add(new OneTimePassword
            {
                Id = Ids.New("otp"),
                AccountId = account.Id,
                Hash = hash,
                Salt = salt,
                InstallationId = installationId!,
                CreatedAt = now,
                ExpiresAt = expiresAt,
            });
            MailOutbox.Enqueue(db, account.EmailConfirmedAt is null
                    ? composer.RegistrationPassword(account.Email, request.Product!, password, company?.Name ?? string.Empty, settings.OneTimePasswordLifetime, settings.UnconfirmedRegistrationLifetime)
                    : composer.OneTimePassword(account.Email, request.Product!, password, registration: false, settings.OneTimePasswordLifetime),
                MailOutbox.OneTimePasswordKind, account.Id, now, discardAfter: expiresAt);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
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
