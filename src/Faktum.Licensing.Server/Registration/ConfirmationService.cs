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
/// Confirms an account with its one-time password (<see cref="OneTimePasswordCheck"/>), activates the trial and binds the
/// installation (S2, S4). The confirmation itself is one transaction under the account's lock: which companies it brings
/// (<see cref="CompanyChoice"/>, S9), then a seat of each license (<see cref="SeatAssignment"/>). Nothing of it stays when the
/// owner must still choose (companies, or an installation to release); a refused move of any license moves none.
/// </summary>
internal sealed partial class ConfirmationService(
    LicensingDbContext db,
    IOptions<FaktumServerOptions> options,
    LicenseTokenService tokens,
    Copies.CopyDetection copies,
    EmailRateLimiter emailLimiter,
    OneTimePasswordCheck passwords,
    CompanyChoice choice,
    SeatAssignment seats,
    TimeProvider time,
    ILoggerFactory loggers)
{
    /// <summary>The message of a <c>licenses</c> choice that names a license the account cannot bring (the same for every reason).</summary>
    internal const string NotYoursMessage = "Name licenses of this account's companies, as the list of companies gave them.";

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
        var releases = ConfirmationRules.Releases(check, request.Release, request.Releases);
        ConfirmationRules.LicenseIds(check, request.Licenses);
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
        var (pending, refusal) = await passwords.CheckAsync(account, installationId!, candidate, now, cancellationToken).ConfigureAwait(false);
        if (account is null || pending is null)
        {
            return ConfirmationOutcome.Refused(refusal);
        }

        var product = request.Product ?? tokens.DefaultProduct;
        var chosen = new List<ChosenLicense>();
        (string LicenseId, DateTimeOffset? NextMoveAt)? moveRefused = null;
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            // Serializes this account's confirmations, recoveries and releases across server instances (seats, move budget).
            await db.LockAccountAsync(account.Id, cancellationToken).ConfigureAwait(false);
            var decided = await choice.ChooseAsync(account, pending, product, request.Licenses, cancellationToken).ConfigureAwait(false);
            if (!decided.Decided)
            {
                // The owner must choose (or named a license that is not the account's): nothing of this confirmation stays, the
                // password is not spent, and the attempt it cost is given back (it was the right password).
                await GiveBackAsync(transaction, pending, cancellationToken).ConfigureAwait(false);
                return decided.NotOfAccount
                    ? request.Licenses is null || pending.CompanyId is not null ? ConfirmationOutcome.Refused(ConfirmationStatus.OneTimePasswordInvalid) : NotYours()
                    : ConfirmationOutcome.CompanyChoiceRequired(decided.Companies);
            }

            var consumed = await db.OneTimePasswords
                .Where(o => o.Id == pending.Id && o.ConsumedAt == null && o.VoidedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.ConsumedAt, now), cancellationToken).ConfigureAwait(false);
            if (consumed == 0)
            {
                return ConfirmationOutcome.Refused(ConfirmationStatus.OneTimePasswordInvalid); // single use: a parallel confirmation got there first
            }

            var tracked = await db.Accounts.SingleAsync(a => a.Id == account.Id, cancellationToken).ConfigureAwait(false);
            tracked.EmailConfirmedAt ??= now;
            foreach (var (company, license) in decided.Chosen)
            {
                if (license.Status == LicenseRecordStatus.Pending)
                {
                    license.Status = LicenseRecordStatus.Active;
                    license.TrialEndsAt = now.AddDays(settings.TrialDays);
                    Log.TrialActivated(_logger, license.Id, license.TrialEndsAt.Value);
                }

                var seat = await seats.AssignAsync(license, installationId!, label, releases, now, cancellationToken).ConfigureAwait(false);
                if (seat.Status == SeatAssignmentStatus.SeatsFull)
                {
                    // The owner must choose the installation to release: as above, nothing stays and the password is not spent.
                    await GiveBackAsync(transaction, pending, cancellationToken).ConfigureAwait(false);
                    return ConfirmationOutcome.SeatsFull(seat.Seats, seat.Installations, license.Id, company.Name);
                }

                moveRefused ??= seat.Status == SeatAssignmentStatus.MoveRefused ? (license.Id, seat.NextMoveAt) : null;
                chosen.Add(new ChosenLicense(company, license));
            }

            if (moveRefused is not null)
            {
                // All or nothing: no license moves. The e-mail address is still confirmed and the password spent (as for one).
                db.ChangeTracker.Clear();
                await db.Accounts.Where(a => a.Id == account.Id && a.EmailConfirmedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.EmailConfirmedAt, now), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (moveRefused is { } refused)
        {
            return ConfirmationOutcome.MoveBudgetExhausted(refused.NextMoveAt, refused.LicenseId);
        }

        var grants = new List<LicenseGrantDto>(chosen.Count);
        foreach (var (company, license) in chosen)
        {
            Log.Confirmed(_logger, account.Id, license.Id);
            var generation = await copies.ConfirmedAsync(license.Id, installationId!, cancellationToken).ConfigureAwait(false);
            grants.Add(new LicenseGrantDto(tokens.Issue(license, company, installationId!, generation), LicenseTokenService.Profile(company, account)));
        }

        return ConfirmationOutcome.Confirmed(new LicenseResponse(grants[0].License, grants[0].Company, grants));
    }

    private static ConfirmationOutcome NotYours()
    {
        var errors = new Validation();
        errors.Add("licenses", FieldCodes.InvalidValue, NotYoursMessage);
        return ConfirmationOutcome.Invalid(errors.Errors);
    }

    private async Task GiveBackAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, OneTimePassword pending, CancellationToken cancellationToken)
    {
        await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        await passwords.GiveBackAsync(pending.Id, cancellationToken).ConfigureAwait(false);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 207, EventName = "Confirmed", Level = LogLevel.Information, Message = "Account {AccountId} confirmed; license {LicenseId} issued")]
        public static partial void Confirmed(ILogger logger, string accountId, string licenseId);

        [LoggerMessage(EventId = 208, EventName = "TrialActivated", Level = LogLevel.Information, Message = "Trial license {LicenseId} activated until {TrialEndsAt}")]
        public static partial void TrialActivated(ILogger logger, string licenseId, DateTimeOffset trialEndsAt);

        // 205, 206 and 212 (a wrong, voided or misplaced password) are logged by OneTimePasswordCheck.
        // 210 (EmailFailed) is retired: mail is sent by the outbox dispatcher, whose events are 600–605.
    }
}
