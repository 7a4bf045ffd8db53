using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.OneTimePasswords;
using Faktum.Licensing.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Server.Registration;

/// <summary>
/// Checks a typed one-time password against the account's pending passwords for the installation (I5: single use, expiry,
/// attempt budget). Each attempt is counted atomically before it is checked, so parallel guesses cannot exceed the budget.
/// An account may have several pending passwords for one installation (S9: the registrations of several companies, each
/// with its own); a guess then counts against each of them, and the one it matches gets the others' attempts back.
/// </summary>
internal sealed partial class OneTimePasswordCheck(LicensingDbContext db, IOptions<FaktumServerOptions> options, ILoggerFactory loggers)
{
    // More live passwords for one installation than this are not checked (each check is an Argon2id hash).
    private const int MaxLive = 8;

    private readonly ILogger _logger = loggers.CreateLogger(RegistrationService.LogCategory);

    /// <summary>The password <paramref name="candidate"/> matched (its attempt counted), or the refusal to answer.</summary>
    public async Task<(OneTimePassword? Matched, ConfirmationStatus Refusal)> CheckAsync(
        Account? account, string installationId, string candidate, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var unconsumed = account is null
            ? []
            : await db.OneTimePasswords.AsNoTracking()
                .Where(o => o.AccountId == account.Id && o.ConsumedAt == null)
                .OrderByDescending(o => o.CreatedAt).Take(4 * MaxLive).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (account is null || unconsumed.Count == 0)
        {
            OneTimePasswordHasher.HashDummy();
            return Refused(ConfirmationStatus.OneTimePasswordInvalid);
        }

        // Each password belongs to the installation that asked for it (F4, F5): from any other installation it is refused
        // like a wrong password, before its attempt budget is touched, so nobody else can confirm a registration made
        // elsewhere or spend (and void) another installation's password.
        var mine = unconsumed.FindAll(o => string.Equals(o.InstallationId, installationId, StringComparison.Ordinal));
        if (mine.Count == 0)
        {
            OneTimePasswordHasher.HashDummy();
            Log.OtherInstallation(_logger, account.Id);
            return Refused(ConfirmationStatus.OneTimePasswordInvalid);
        }

        var max = options.Value.MaxOneTimePasswordAttempts;
        var live = mine.FindAll(o => o.VoidedAt is null && o.ExpiresAt > now).Take(MaxLive).ToList();
        if (live.Count == 0)
        {
            OneTimePasswordHasher.HashDummy();
            return Refused(mine[0].FailedAttempts >= max ? ConfirmationStatus.TooManyAttempts : ConfirmationStatus.OneTimePasswordInvalid);
        }

        // Count the attempt before checking it, atomically, so parallel guesses cannot exceed the budget (I5).
        var reserved = new List<OneTimePassword>(live.Count);
        foreach (var password in live)
        {
            if (await db.OneTimePasswords
                .Where(o => o.Id == password.Id && o.FailedAttempts < max && o.ConsumedAt == null && o.VoidedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.FailedAttempts, o => o.FailedAttempts + 1), cancellationToken).ConfigureAwait(false) == 1)
            {
                reserved.Add(password);
            }
        }

        if (reserved.Count == 0)
        {
            // Used, replaced or out of attempts since we read it: answer from its current state.
            OneTimePasswordHasher.HashDummy();
            var current = await db.OneTimePasswords.AsNoTracking().SingleAsync(o => o.Id == live[0].Id, cancellationToken).ConfigureAwait(false);
            return Refused(current.ConsumedAt is null && current.FailedAttempts >= max ? ConfirmationStatus.TooManyAttempts : ConfirmationStatus.OneTimePasswordInvalid);
        }

        var matched = reserved.Find(o => OneTimePasswordHasher.Verify(candidate, o.Hash, o.Salt));
        if (matched is null)
        {
            foreach (var password in reserved.Where(o => o.FailedAttempts + 1 >= max))
            {
                await db.OneTimePasswords.Where(o => o.Id == password.Id && o.VoidedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(o => o.VoidedAt, now), cancellationToken).ConfigureAwait(false);
                Log.OneTimePasswordVoided(_logger, account.Id);
            }

            Log.WrongOneTimePassword(_logger, account.Id);
            return Refused(ConfirmationStatus.OneTimePasswordInvalid);
        }

        foreach (var other in reserved.Where(o => !ReferenceEquals(o, matched)))
        {
            await GiveBackAsync(other.Id, cancellationToken).ConfigureAwait(false);
        }

        return (matched, ConfirmationStatus.Confirmed);
    }

    /// <summary>Gives back the attempt a right password cost, when the confirmation it started cannot finish yet (the owner must choose).</summary>
    public Task<int> GiveBackAsync(string passwordId, CancellationToken cancellationToken) =>
        db.OneTimePasswords.Where(o => o.Id == passwordId && o.FailedAttempts > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.FailedAttempts, o => o.FailedAttempts - 1), cancellationToken);

    private static (OneTimePassword? Matched, ConfirmationStatus Refusal) Refused(ConfirmationStatus status) => (null, status);

    private static partial class Log
    {
        [LoggerMessage(EventId = 205, EventName = "WrongOneTimePassword", Level = LogLevel.Warning, Message = "A wrong one-time password was entered for account {AccountId}")]
        public static partial void WrongOneTimePassword(ILogger logger, string accountId);

        [LoggerMessage(EventId = 206, EventName = "OneTimePasswordVoided", Level = LogLevel.Warning, Message = "The pending one-time password of account {AccountId} is void after too many attempts")]
        public static partial void OneTimePasswordVoided(ILogger logger, string accountId);

        [LoggerMessage(EventId = 212, EventName = "OneTimePasswordFromOtherInstallation", Level = LogLevel.Warning,
            Message = "A one-time password for account {AccountId} was entered on another installation than the one that asked for it; refused without counting")]
        public static partial void OtherInstallation(ILogger logger, string accountId);
    }
}
