using System.Text.Json;
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

/// <summary>POST /v1/recoveries (S4; I5: the same answer whether or not the address is known).</summary>
internal static partial class AccountEndpoints
{
    private static async Task<IResult> RecoverAsync(
        HttpContext http,
        LicensingDbContext db,
        IOptions<FaktumServerOptions> options,
        LicenseTokenService tokens,
        EmailRateLimiter emailLimiter,
        EmailComposer composer,
        MailOutbox outbox,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        var settings = options.Value;
        var logger = loggers.CreateLogger("Faktum.Licensing.Server.Registration");
        var read = await RequestReader.ReadAsync<RecoveryRequest>(http, settings.MaxRequestBodyBytes).ConfigureAwait(false);
        if (read.Problem is not null)
        {
            return read.Problem;
        }

        var request = read.Value!;
        var check = new Validation();
        var address = check.Email("email", request.Email);
        var installationId = check.InstallationId("installationId", request.InstallationId);
        if (string.IsNullOrEmpty(request.Product))
        {
            check.Add("product", "This field is required.");
        }

        if (!check.IsValid)
        {
            return Problems.Validation(check.Errors);
        }

        if (!tokens.IsProduct(request.Product))
        {
            return Problems.UnsupportedProduct();
        }

        if (!emailLimiter.TryAcquire(address!))
        {
            return Problems.RateLimited(settings.RateLimits.EmailWindow);
        }

        var now = time.GetUtcNow();
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Email == address).ConfigureAwait(false);
        if (account is null)
        {
            // No enumeration (I5): the same answer, after comparable work.
            OneTimePasswordHasher.HashDummy();
            var fingerprint = Fingerprint(address!);
            Log.RecoveryForUnknownAddress(logger, fingerprint);
            return Accepted(JsonSerializer.Serialize(RecoveryAccepted, RequestReader.Json));
        }

        var password = OneTimePasswordHasher.Generate();
        var (hash, salt) = OneTimePasswordHasher.Hash(password);
        var transaction = await db.Database.BeginTransactionAsync().ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            // A new password replaces any pending one; the account's lock keeps that true across server instances.
            await db.LockAccountAsync(account.Id).ConfigureAwait(false);
            await db.OneTimePasswords
                .Where(o => o.AccountId == account.Id && o.ConsumedAt == null && o.VoidedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.VoidedAt, now)).ConfigureAwait(false);

            // A mail with the replaced password still waiting in the outbox (mail server away) is useless: drop its body.
            await MailOutbox.DiscardPendingPasswordsAsync(db, account.Id, now).ConfigureAwait(false);
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
            MailOutbox.Enqueue(db, composer.OneTimePassword(account.Email, request.Product!, password, registration: false, settings.OneTimePasswordLifetime),
                MailOutbox.OneTimePasswordKind, account.Id, now, discardAfter: expiresAt);
            await db.SaveChangesAsync().ConfigureAwait(false);
            await transaction.CommitAsync().ConfigureAwait(false);
        }

        outbox.Signal();
        Log.RecoveryStarted(logger, account.Id);
        return Accepted(JsonSerializer.Serialize(RecoveryAccepted, RequestReader.Json));
    }
}
