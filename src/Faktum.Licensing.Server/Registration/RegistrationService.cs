using Faktum.Licensing.Registration;
using System.Text.Json;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Companies;
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
/// Registers a company with a pending trial license and mails a one-time password (S2, S3; I1 by the unique index). One
/// transaction per registration; the mail is committed with it (transactional outbox). An address whose account is confirmed
/// registers another company of that account (S9): no second account; the password it mails confirms that company.
/// </summary>
internal sealed partial class RegistrationService(
    LicensingDbContext db,
    IOptions<FaktumServerOptions> options,
    ICompanyIdentityCanonicalizer canonicalizer,
    LicenseTokenService tokens,
    EmailRateLimiter emailLimiter,
    EmailComposer composer,
    MailOutbox outbox,
    LapsedRegistrations lapsed,
    TimeProvider time,
    ILoggerFactory loggers)
{
    private static readonly string AcceptedBody = JsonSerializer.Serialize(
        new AcceptedResponse(
            "accepted",
            "If the details are in order, a one-time password is on its way to the e-mail address. Type it into the app to confirm the account."),
        RequestReader.Json);

    private readonly ILogger _logger = loggers.CreateLogger(LogCategory);

    /// <summary>The log category of registrations, recoveries and confirmations.</summary>
    public const string LogCategory = "Faktum.Licensing.Server.Registration";

    /// <summary>Registers.</summary>
    /// <param name="request">The request as read.</param>
    /// <param name="idempotencyKey">The <c>Idempotency-Key</c> header, or <see langword="null"/> without one.</param>
    /// <param name="requestHash">The hash of the request body, which an idempotency record keeps.</param>
    /// <param name="client">The client's address, for the per-e-mail rate limit.</param>
    /// <param name="cancellationToken">Cancels the registration.</param>
    public async Task<RegistrationOutcome> RegisterAsync(RegistrationRequest request, string? idempotencyKey, string requestHash, System.Net.IPAddress? client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        var check = new Validation();
        var identity = canonicalizer.Create(request.Company?.Name, request.Company?.Postcode, request.Company?.Country);
        if (request.Company is null)
        {
            check.Add("company", FieldCodes.Required, "This field is required.");
        }
        else
        {
            foreach (var error in identity.Errors)
            {
                check.Add("company." + error.Field, error.Code, error.Message);
            }
        }

        var street = check.Registration(AddressFields.Street, request.Company?.Street);
        var houseNumber = check.Registration(AddressFields.HouseNumber, request.Company?.HouseNumber);
        var city = check.Registration(AddressFields.City, request.Company?.City);
        var contactName = check.Registration(AddressFields.ContactName, request.Contact?.Name);
        var phone = check.Registration(AddressFields.Phone, request.Contact?.Phone);
        var address = check.Email("email", request.Email);
        var installationId = check.InstallationId("installationId", request.InstallationId);
        if (string.IsNullOrEmpty(request.Product))
        {
            check.Add("product", FieldCodes.Required, "This field is required.");
        }

        if (!check.IsValid)
        {
            return RegistrationOutcome.Invalid(check.Errors);
        }

        if (!tokens.IsProduct(request.Product))
        {
            return RegistrationOutcome.Refused(RegistrationStatus.UnsupportedProduct);
        }

        if (!emailLimiter.TryAcquire(address!, client))
        {
            return RegistrationOutcome.Refused(RegistrationStatus.RateLimited);
        }

        // Idempotency-Key: the same key and body replay the stored answer; the same key with another body is refused.
        string? storedKey = null;
        if (idempotencyKey is not null)
        {
            if (idempotencyKey.Length is 0 or > 128 || !idempotencyKey.All(c => c is > ' ' and < (char)127))
            {
                check.Add("Idempotency-Key", FieldCodes.InvalidFormat, "The Idempotency-Key header must be 1 to 128 printable ASCII characters.");
                return RegistrationOutcome.Invalid(check.Errors);
            }

            storedKey = "registrations:" + idempotencyKey;
            if (await IdempotentReplay.FindAsync(db, storedKey, requestHash, cancellationToken).ConfigureAwait(false) is { Found: true } replay)
            {
                return replay.AsOutcome();
            }
        }

        var attempt = new Attempt(address!, request.Product!, storedKey, requestHash, time.GetUtcNow());

        // An unconfirmed registration made at or before this moment has lapsed: it no longer reserves its company or address.
        var lapsedBy = attempt.Now - settings.UnconfirmedRegistrationLifetime;

        // The company is decided first (F3): a held company answers 409 whatever the address, so no answer tells whether
        // the address has an account. Only then the address: in use answers the same 202 as a success.
        if (await IsCompanyHeldAsync(identity.Key!, lapsedBy, cancellationToken).ConfigureAwait(false))
        {
            // A retry racing its own first attempt (same key) gets that attempt's answer, not the 409 it caused.
            return storedKey is not null && await IdempotentReplay.FindAsync(db, storedKey, requestHash, cancellationToken).ConfigureAwait(false) is { Found: true } replay
                ? replay.AsOutcome()
                : CompanyAlreadyRegistered(identity.Key!);
        }

        // A confirmed account registers another company (S9); an unconfirmed one still reserved answers as an address in use.
        var existing = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Email == address, cancellationToken).ConfigureAwait(false);
        var confirmed = existing is { EmailConfirmedAt: not null } ? existing : null;
        if (confirmed is null && existing is not null && existing.CreatedAt > lapsedBy)
        {
            return await EmailInUseAsync(attempt, cancellationToken).ConfigureAwait(false);
        }

        // At most RegistrationsPerMailbox new companies per mailbox and window, plus-addresses counted as one (F2): every
        // company counts, the first of a new account and another of a confirmed one alike (S9).
        var mailbox = Mailbox.Of(address!);
        var windowStart = attempt.Now - settings.MailboxRegistrationWindow;
        if (await (from a in db.Accounts.AsNoTracking()
                   where a.Mailbox == mailbox
                   join c in db.Companies.AsNoTracking() on a.Id equals c.AccountId
                   where c.CreatedAt > windowStart
                   select c.Id).CountAsync(cancellationToken).ConfigureAwait(false)
            >= settings.RegistrationsPerMailbox)
        {
            var fingerprint = LogFingerprint.Of(mailbox);
            Log.MailboxLimitReached(_logger, fingerprint);
            return RegistrationOutcome.Refused(RegistrationStatus.RateLimited);
        }

        var account = confirmed ?? new Account { Id = Ids.New("acc"), Email = address!, Mailbox = mailbox, CreatedAt = attempt.Now };
        var company = new Company
        {
            Id = Ids.New("cmp"),
            IdentityKey = identity.Key!,
            Name = identity.Name!,
            Postcode = identity.Postcode!,
            Country = identity.Country!,
            Street = street!,
            HouseNumber = houseNumber!,
            City = city!,
            ContactName = contactName!,
            Phone = phone,
            AccountId = account.Id,
            CreatedAt = attempt.Now,
        };
        var license = new License
        {
            Id = Ids.New("lic"),
            CompanyId = company.Id,
            Product = attempt.Product,
            Kind = StoredLicenseKind.Trial,
            Status = LicenseRecordStatus.Pending,
            InstallationLimit = settings.DefaultInstallationLimit,
            CreatedAt = attempt.Now,
        };

        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            // Another company of a confirmed account takes that account's lock (with those of the lapsed registrations released).
            await lapsed.ReleaseAsync(company.IdentityKey, account.Email, lapsedBy, confirmed?.Id, cancellationToken).ConfigureAwait(false);
            if (confirmed is null)
            {
                db.Add(account);
            }

            db.AddRange(company, license, new HeldIdentity { IdentityKey = company.IdentityKey, CompanyId = company.Id, HeldSince = attempt.Now });
            try
            {
                // The unique indexes decide (I1): the company identity, and the e-mail address.
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException exception) when (StorageServiceCollectionExtensions.IsUniqueViolation(exception))
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                db.ChangeTracker.Clear();
                if (storedKey is not null && await IdempotentReplay.FindAsync(db, storedKey, requestHash, cancellationToken).ConfigureAwait(false) is { Found: true } replay)
                {
                    return replay.AsOutcome();
                }

                if (await db.HeldIdentities.AsNoTracking().AnyAsync(h => h.IdentityKey == company.IdentityKey, cancellationToken).ConfigureAwait(false)
                    || await db.Companies.AsNoTracking().AnyAsync(c => c.IdentityKey == company.IdentityKey, cancellationToken).ConfigureAwait(false))
                {
                    return CompanyAlreadyRegistered(company.IdentityKey);
                }

                return await EmailInUseAsync(attempt, cancellationToken).ConfigureAwait(false);
            }

            // Hashed only once the company is known to be new: a refused registration costs no Argon2id work.
            var password = OneTimePasswordHasher.Generate();
            var (hash, salt) = OneTimePasswordHasher.Hash(password);
            var expiresAt = attempt.Now + settings.OneTimePasswordLifetime;
            db.OneTimePasswords.Add(new OneTimePassword
            {
                Id = Ids.New("otp"),
                AccountId = account.Id,
                Hash = hash,
                Salt = salt,
                InstallationId = installationId!,
                CompanyId = company.Id,
                CreatedAt = attempt.Now,
                ExpiresAt = expiresAt,
            });

            // The mail is committed with the account (transactional outbox): no crash or mail outage can lose it.
            MailOutbox.Enqueue(db, composer.RegistrationPassword(attempt.Email, attempt.Product, password, company.Name, settings.OneTimePasswordLifetime, settings.UnconfirmedRegistrationLifetime),
                MailOutbox.OneTimePasswordKind, account.Id, attempt.Now, discardAfter: expiresAt);
            RememberAnswer(attempt);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        outbox.Signal();
        if (confirmed is null)
        {
            Log.Registered(_logger, account.Id, license.Id, attempt.Product);
        }
        else
        {
            Log.CompanyAdded(_logger, account.Id, license.Id, attempt.Product);
        }

        return RegistrationOutcome.Accepted(AcceptedBody);
    }

    /// <summary>
    /// Whether the identity is held, now or before a postcode correction (F8), by a company that a new registration cannot
    /// release: a confirmed or still reserved one. A pending company of a confirmed account (S9) is reserved while its
    /// registration is young, as an unconfirmed account is.
    /// </summary>
    private Task<bool> IsCompanyHeldAsync(string identityKey, DateTimeOffset lapsedBy, CancellationToken cancellationToken)
    {
        var lapsedPending = LapsedRegistrations.LapsedPendingCompanies(db, lapsedBy);
        return db.Companies.AsNoTracking().AnyAsync(
            c => (c.IdentityKey == identityKey || db.HeldIdentities.Any(h => h.IdentityKey == identityKey && h.CompanyId == c.Id))
                && db.Accounts.Any(a => a.Id == c.AccountId && (a.EmailConfirmedAt != null || a.CreatedAt > lapsedBy))
                && !lapsedPending.Any(p => p.Id == c.Id),
            cancellationToken);
    }

    private void RememberAnswer(Attempt attempt)
    {
        if (attempt.IdempotencyKey is not null)
        {
            db.IdempotencyRecords.Add(new IdempotencyRecord
            {
                Key = attempt.IdempotencyKey,
                RequestHash = attempt.RequestHash,
                StatusCode = StatusCodes.Status202Accepted,
                Body = AcceptedBody,
                CreatedAt = attempt.Now,
            });
        }
    }

    /// <summary>The checked facts of one registration attempt.</summary>
    private sealed record Attempt(string Email, string Product, string? IdempotencyKey, string RequestHash, DateTimeOffset Now);
}
