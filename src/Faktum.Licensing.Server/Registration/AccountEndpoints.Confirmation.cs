using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Http;
using Faktum.Licensing.Server.Licenses;
using Faktum.Licensing.Server.OneTimePasswords;
using Faktum.Licensing.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Server.Registration;

/// <summary>POST /v1/confirmations (S2, S4; I5: single use, expiry, attempt budget).</summary>
internal static partial class AccountEndpoints
{
    private static async Task<IResult> ConfirmAsync(
        HttpContext http,
        LicensingDbContext db,
        IOptions<FaktumServerOptions> options,
        LicenseTokenService tokens,
        EmailRateLimiter emailLimiter,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        var settings = options.Value;
        var logger = loggers.CreateLogger("Faktum.Licensing.Server.Registration");
        var read = await RequestReader.ReadAsync<ConfirmationRequest>(http, settings.MaxRequestBodyBytes).ConfigureAwait(false);
        if (read.Problem is not null)
        {
            return read.Problem;
        }

        var request = read.Value!;
        var check = new Validation();
        var address = check.Email("email", request.Email);
        var installationId = check.InstallationId("installationId", request.InstallationId);
        if (string.IsNullOrWhiteSpace(request.OneTimePassword))
        {
            check.Add("oneTimePassword", "This field is required.");
        }

        if (!check.IsValid)
        {
            return Problems.Validation(check.Errors);
        }

        if (request.Product is not null && !tokens.IsProduct(request.Product))
        {
            return Problems.UnsupportedProduct();
        }

        if (!emailLimiter.TryAcquire(address!))
        {
            return Problems.RateLimited(settings.RateLimits.EmailWindow);
        }

        var now = time.GetUtcNow();
        var candidate = OneTimePasswordHasher.Normalize(request.OneTimePassword) ?? string.Empty;
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Email == address).ConfigureAwait(false);
        var pending = account is null
            ? null
            : await db.OneTimePasswords.AsNoTracking()
                .Where(o => o.AccountId == account.Id && o.ConsumedAt == null)
                .OrderByDescending(o => o.CreatedAt).FirstOrDefaultAsync().ConfigureAwait(false);

        if (account is null || pending is null)
        {
            OneTimePasswordHasher.HashDummy();
            return Invalid();
        }

        if (pending.VoidedAt is not null || pending.ExpiresAt <= now)
        {
            OneTimePasswordHasher.HashDummy();
            return pending.FailedAttempts >= settings.MaxOneTimePasswordAttempts ? TooManyAttempts() : Invalid();
        }

        // Count the attempt before checking it, atomically, so parallel guesses cannot exceed the budget (I5).
        var max = settings.MaxOneTimePasswordAttempts;
        var reserved = await db.OneTimePasswords
            .Where(o => o.Id == pending.Id && o.FailedAttempts < max && o.ConsumedAt == null && o.VoidedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.FailedAttempts, o => o.FailedAttempts + 1)).ConfigureAwait(false);
        if (reserved == 0)
        {
            // Used, replaced or out of attempts since we read it: answer from its current state.
            OneTimePasswordHasher.HashDummy();
            var current = await db.OneTimePasswords.AsNoTracking().SingleAsync(o => o.Id == pending.Id).ConfigureAwait(false);
            return current.ConsumedAt is null && current.FailedAttempts >= max ? TooManyAttempts() : Invalid();
        }

        if (!OneTimePasswordHasher.Verify(candidate, pending.Hash, pending.Salt))
        {
            if (pending.FailedAttempts + 1 >= max)
            {
                await db.OneTimePasswords.Where(o => o.Id == pending.Id && o.VoidedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(o => o.VoidedAt, now)).ConfigureAwait(false);
                Log.OneTimePasswordVoided(logger, account.Id);
            }

            Log.WrongOneTimePassword(logger, account.Id);
            return Invalid();
        }

        Company company;
        License license;
        var transaction = await db.Database.BeginTransactionAsync().ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            // Serializes this account's confirmations and recoveries across server instances (installation limit).
            await db.LockAccountAsync(account.Id).ConfigureAwait(false);
            var consumed = await db.OneTimePasswords
                .Where(o => o.Id == pending.Id && o.ConsumedAt == null && o.VoidedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.ConsumedAt, now)).ConfigureAwait(false);
            if (consumed == 0)
            {
                return Invalid(); // single use: a parallel confirmation got there first
            }

            var tracked = await db.Accounts.SingleAsync(a => a.Id == account.Id).ConfigureAwait(false);
            tracked.EmailConfirmedAt ??= now;
            company = await db.Companies.SingleAsync(c => c.AccountId == account.Id).ConfigureAwait(false);
            var product = request.Product ?? tokens.DefaultProduct;
            license = await db.Licenses.Where(l => l.CompanyId == company.Id)
                .OrderBy(l => l.Product == product ? 0 : 1).ThenBy(l => l.CreatedAt).FirstAsync().ConfigureAwait(false);
            if (license.Status == LicenseRecordStatus.Pending)
            {
                license.Status = LicenseRecordStatus.Active;
                license.TrialEndsAt = now.AddDays(settings.TrialDays);
                Log.TrialActivated(logger, license.Id, license.TrialEndsAt.Value);
            }

            await BindAsync(db, license, installationId!, now, logger).ConfigureAwait(false);
            await db.SaveChangesAsync().ConfigureAwait(false);
            await transaction.CommitAsync().ConfigureAwait(false);
        }

        Log.Confirmed(logger, account.Id, license.Id);
        var token = tokens.Issue(license, company, installationId!);
        return TypedResults.Ok(new LicenseResponse(token, LicenseTokenService.Profile(company, account)));

        static IResult Invalid() => Problems.Create(StatusCodes.Status400BadRequest, ProblemTypes.OneTimePasswordInvalid,
            "The one-time password is not valid.", "The one-time password is wrong, expired or already used. Check it, or ask for a new one.");

        static IResult TooManyAttempts() => Problems.Create(StatusCodes.Status400BadRequest, ProblemTypes.TooManyAttempts,
            "Too many wrong one-time passwords.", "This one-time password can no longer be used. Ask for a new one (choose \"existing company\").");
    }
}
