using Faktum.Licensing.Registration;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Http;
using Faktum.Licensing.Server.Licenses;
using Faktum.Licensing.Server.OneTimePasswords;
using Faktum.Licensing.Server.Seats;
using Faktum.Licensing.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Server.Registration;

/// <summary>
/// Confirms an account with its one-time password, activates the trial and binds the installation (S2, S4; I5: single
/// use, expiry, attempt budget). The attempt is counted atomically before it is checked; the confirmation itself is one
/// transaction under the account's lock.
/// </summary>
internal sealed partial class ConfirmationService(
    LicensingDbContext db,
    IOptions<FaktumServerOptions> options,
    LicenseTokenService tokens,
    Copies.CopyDetection copies,
    EmailRateLimiter emailLimiter,
    SeatAssignment seats,
    TimeProvider time,
    ILoggerFactory loggers)
{
    private readonly ILogger _logger = loggers.CreateLogger(RegistrationService.LogCategory);

    public async Task<ConfirmationOutcome> ConfirmAsync(ConfirmationRequest request, System.Net.IPAddress? client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        var check = new Validation();
        var address = check.Email("email", request.Email);
        var installationId = check.InstallationId("installationId", request.InstallationId);
        if (string.IsNullOrWhiteSpace(request.OneTimePassword))
        {
            check.Add("oneTimePassword", FieldCodes.Required, "This field is required.");
        }

        var label = SeatRules.Label(check, "label", request.Label);
        var release = SeatRules.SeatId(check, "release", request.Release);

        if (!check.IsValid)
        {
            return ConfirmationOutcome.Invalid(check.Errors);
        }

        if (request.Product is not null && !tokens.IsProduct(request.Product))
        {
            return ConfirmationOutcome.Refused(ConfirmationStatus.UnsupportedProduct);
        }

        if (!emailLimiter.TryAcquire(address!, client))
        {
            return ConfirmationOutcome.Refused(ConfirmationStatus.RateLimited);
        }

        var now = time.GetUtcNow();
        var candidate = OneTimePasswordHasher.Normalize(request.OneTimePassword) ?? string.Empty;
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Email == address, cancellationToken).ConfigureAwait(false);
        var pending = account is null
            ? null
            : await db.OneTimePasswords.AsNoTracking()
                .Where(o => o.AccountId == account.Id && o.ConsumedAt == null)
                .OrderByDescending(o => o.CreatedAt).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);

        if (account is null || pending is null)
        {
            OneTimePasswordHasher.HashDummy();
            return Refused(ConfirmationStatus.OneTimePasswordInvalid);
        }

        // Each password belongs to the installation that asked for it (F4, F5): from any other installation it is refused
        // like a wrong password, before its attempt budget is touched, so nobody else can confirm a registration made
        // elsewhere or spend (and void) another installation's password.
        if (!string.Equals(pending.InstallationId, installationId, StringComparison.Ordinal))
        {
            OneTimePasswordHasher.HashDummy();
            Log.OtherInstallation(_logger, account.Id);
            return Refused(ConfirmationStatus.OneTimePasswordInvalid);
        }

        var max = settings.MaxOneTimePasswordAttempts;
        if (pending.VoidedAt is not null || pending.ExpiresAt <= now)
        {
            OneTimePasswordHasher.HashDummy();
            return Refused(pending.FailedAttempts >= max ? ConfirmationStatus.TooManyAttempts : ConfirmationStatus.OneTimePasswordInvalid);
        }

        // Count the attempt before checking it, atomically, so parallel guesses cannot exceed the budget (I5).
        var reserved = await db.OneTimePasswords
            .Where(o => o.Id == pending.Id && o.FailedAttempts < max && o.ConsumedAt == null && o.VoidedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.FailedAttempts, o => o.FailedAttempts + 1), cancellationToken).ConfigureAwait(false);
        if (reserved == 0)
        {
            // Used, replaced or out of attempts since we read it: answer from its current state.
            OneTimePasswordHasher.HashDummy();
            var current = await db.OneTimePasswords.AsNoTracking().SingleAsync(o => o.Id == pending.Id, cancellationToken).ConfigureAwait(false);
            return Refused(current.ConsumedAt is null && current.FailedAttempts >= max ? ConfirmationStatus.TooManyAttempts : ConfirmationStatus.OneTimePasswordInvalid);
        }

        if (!OneTimePasswordHasher.Verify(candidate, pending.Hash, pending.Salt))
        {
            if (pending.FailedAttempts + 1 >= max)
            {
                await db.OneTimePasswords.Where(o => o.Id == pending.Id && o.VoidedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(o => o.VoidedAt, now), cancellationToken).ConfigureAwait(false);
                Log.OneTimePasswordVoided(_logger, account.Id);
            }

            Log.WrongOneTimePassword(_logger, account.Id);
            return Refused(ConfirmationStatus.OneTimePasswordInvalid);
        }

        Company company;
        License license;
        SeatAssignmentOutcome seat;
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            // Serializes this account's confirmations, recoveries and releases across server instances (seats, move budget).
            await db.LockAccountAsync(account.Id, cancellationToken).ConfigureAwait(false);
            var consumed = await db.OneTimePasswords
                .Where(o => o.Id == pending.Id && o.ConsumedAt == null && o.VoidedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.ConsumedAt, now), cancellationToken).ConfigureAwait(false);
            if (consumed == 0)
            {
                return Refused(ConfirmationStatus.OneTimePasswordInvalid); // single use: a parallel confirmation got there first
            }

            var tracked = await db.Accounts.SingleAsync(a => a.Id == account.Id, cancellationToken).ConfigureAwait(false);
            tracked.EmailConfirmedAt ??= now;
            company = await db.Companies.SingleAsync(c => c.AccountId == account.Id, cancellationToken).ConfigureAwait(false);
            var product = request.Product ?? tokens.DefaultProduct;
            license = await db.Licenses.Where(l => l.CompanyId == company.Id)
                .OrderBy(l => l.Product == product ? 0 : 1).ThenBy(l => l.CreatedAt).FirstAsync(cancellationToken).ConfigureAwait(false);
            if (license.Status == LicenseRecordStatus.Pending)
            {
                license.Status = LicenseRecordStatus.Active;
                license.TrialEndsAt = now.AddDays(settings.TrialDays);
                Log.TrialActivated(_logger, license.Id, license.TrialEndsAt.Value);
            }

            seat = await seats.AssignAsync(license, installationId!, label, release, now, cancellationToken).ConfigureAwait(false);
            if (seat.Status == SeatAssignmentStatus.SeatsFull)
            {
                // The owner must choose: nothing of this confirmation stays, the password is not spent, and the attempt it
                // cost is given back (it was the right password), so the host confirms again naming the installation to release.
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                db.ChangeTracker.Clear();
                await db.OneTimePasswords.Where(o => o.Id == pending.Id && o.FailedAttempts > 0)
                    .ExecuteUpdateAsync(s => s.SetProperty(o => o.FailedAttempts, o => o.FailedAttempts - 1), cancellationToken).ConfigureAwait(false);
                return ConfirmationOutcome.SeatsFull(seat.Seats, seat.Installations);
            }

            // A refused move still confirms the e-mail address (and spends the password); the license stays where it is.
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (seat.Status == SeatAssignmentStatus.MoveRefused)
        {
            return ConfirmationOutcome.MoveBudgetExhausted(seat.NextMoveAt);
        }

        Log.Confirmed(_logger, account.Id, license.Id);
        var generation = await copies.ConfirmedAsync(license.Id, installationId!, cancellationToken).ConfigureAwait(false);
        var token = tokens.Issue(license, company, installationId!, generation);
        return ConfirmationOutcome.Confirmed(new LicenseResponse(token, LicenseTokenService.Profile(company, account)));

        static ConfirmationOutcome Refused(ConfirmationStatus status) => ConfirmationOutcome.Refused(status);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 205, EventName = "WrongOneTimePassword", Level = LogLevel.Warning, Message = "A wrong one-time password was entered for account {AccountId}")]
        public static partial void WrongOneTimePassword(ILogger logger, string accountId);

        [LoggerMessage(EventId = 206, EventName = "OneTimePasswordVoided", Level = LogLevel.Warning, Message = "The pending one-time password of account {AccountId} is void after too many attempts")]
        public static partial void OneTimePasswordVoided(ILogger logger, string accountId);

        [LoggerMessage(EventId = 207, EventName = "Confirmed", Level = LogLevel.Information, Message = "Account {AccountId} confirmed; license {LicenseId} issued")]
        public static partial void Confirmed(ILogger logger, string accountId, string licenseId);

        [LoggerMessage(EventId = 208, EventName = "TrialActivated", Level = LogLevel.Information, Message = "Trial license {LicenseId} activated until {TrialEndsAt}")]
        public static partial void TrialActivated(ILogger logger, string licenseId, DateTimeOffset trialEndsAt);

        [LoggerMessage(EventId = 212, EventName = "OneTimePasswordFromOtherInstallation", Level = LogLevel.Warning,
            Message = "A one-time password for account {AccountId} was entered on another installation than the one that asked for it; refused without counting")]
        public static partial void OtherInstallation(ILogger logger, string accountId);

        // 210 (EmailFailed) is retired: mail is sent by the outbox dispatcher, whose events are 600–605.
    }
}
