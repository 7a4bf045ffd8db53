using System.Security.Cryptography;
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

/// <summary>POST /v1/registrations (S2, S3; I1 by the unique index).</summary>
internal static partial class AccountEndpoints
{
    private static async Task<IResult> RegisterAsync(
        HttpContext http,
        LicensingDbContext db,
        IOptions<FaktumServerOptions> options,
        ICompanyIdentityCanonicalizer canonicalizer,
        LicenseTokenService tokens,
        EmailRateLimiter emailLimiter,
        EmailComposer composer,
        MailOutbox outbox,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        var settings = options.Value;
        var logger = loggers.CreateLogger("Faktum.Licensing.Server.Registration");
        var read = await RequestReader.ReadAsync<RegistrationRequest>(http, settings.MaxRequestBodyBytes).ConfigureAwait(false);
        if (read.Problem is not null)
        {
            return read.Problem;
        }

        var request = read.Value!;
        var check = new Validation();
        var identity = canonicalizer.Create(request.Company?.Name, request.Company?.Postcode, request.Company?.Country);
        if (request.Company is null)
        {
            check.Add("company", "This field is required.");
        }
        else
        {
            foreach (var error in identity.Errors)
            {
                check.Add("company." + error.Field, error.Message);
            }
        }

        var street = check.Text("company.street", request.Company?.Street, 100, allowed: Validation.IsAddressCharacter);
        var houseNumber = check.Text("company.houseNumber", request.Company?.HouseNumber, 16, allowed: c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-' or '/');
        var city = check.Text("company.city", request.Company?.City, 100, allowed: Validation.IsAddressCharacter);
        var contactName = check.Text("contact.name", request.Contact?.Name, 100, allowed: Validation.IsAddressCharacter);
        var phone = check.Text("contact.phone", request.Contact?.Phone, 32, required: false, allowed: Validation.IsPhoneCharacter, "A phone number holds digits, spaces and + - ( ) only.");
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

        // Idempotency-Key: the same key and body replay the stored answer; the same key with another body is refused.
        string? idempotencyKey = null;
        var requestHash = Convert.ToHexString(SHA256.HashData(read.Body));
        if (http.Request.Headers.TryGetValue("Idempotency-Key", out var keyHeader))
        {
            var key = keyHeader.ToString();
            if (key.Length is 0 or > 128 || !key.All(c => c is > ' ' and < (char)127))
            {
                check.Add("Idempotency-Key", "The Idempotency-Key header must be 1 to 128 printable ASCII characters.");
                return Problems.Validation(check.Errors);
            }

            idempotencyKey = "registrations:" + key;
            if (await Replay(db, idempotencyKey, requestHash).ConfigureAwait(false) is { } replay)
            {
                return replay;
            }
        }

        var now = time.GetUtcNow();
        var product = request.Product!;
        var accepted = JsonSerializer.Serialize(RegistrationAccepted, RequestReader.Json);

        // An unconfirmed registration made at or before this moment has lapsed: it no longer reserves its company or address.
        var lapsedBy = now - settings.UnconfirmedRegistrationLifetime;
        if (await db.Accounts.AsNoTracking().AnyAsync(a => a.Email == address && (a.EmailConfirmedAt != null || a.CreatedAt > lapsedBy)).ConfigureAwait(false))
        {
            return await EmailInUse().ConfigureAwait(false);
        }

        var account = new Account { Id = Ids.New("acc"), Email = address!, CreatedAt = now };
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
            CreatedAt = now,
        };
        var license = new License
        {
            Id = Ids.New("lic"),
            CompanyId = company.Id,
            Product = product,
            Kind = StoredLicenseKind.Trial,
            Status = LicenseRecordStatus.Pending,
            InstallationLimit = settings.DefaultInstallationLimit,
            CreatedAt = now,
        };

        var transaction = await db.Database.BeginTransactionAsync().ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            await ReleaseLapsedRegistrationsAsync(db, company.IdentityKey, account.Email, lapsedBy, logger).ConfigureAwait(false);
            db.AddRange(account, company, license);
            try
            {
                // The unique indexes decide (I1): the company identity, and the e-mail address.
                await db.SaveChangesAsync().ConfigureAwait(false);
            }
            catch (DbUpdateException exception) when (StorageServiceCollectionExtensions.IsUniqueViolation(exception))
            {
                await transaction.RollbackAsync().ConfigureAwait(false);
                db.ChangeTracker.Clear();
                if (idempotencyKey is not null && await Replay(db, idempotencyKey, requestHash).ConfigureAwait(false) is { } replay)
                {
                    return replay;
                }

                if (await db.Companies.AsNoTracking().AnyAsync(c => c.IdentityKey == company.IdentityKey).ConfigureAwait(false))
                {
                    var fingerprint = Fingerprint(company.IdentityKey);
                    Log.CompanyAlreadyRegistered(logger, fingerprint);
                    return Problems.CompanyAlreadyRegistered();
                }

                return await EmailInUse().ConfigureAwait(false);
            }

            // Hashed only once the company is known to be new: a refused registration costs no Argon2id work.
            var password = OneTimePasswordHasher.Generate();
            var (hash, salt) = OneTimePasswordHasher.Hash(password);
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

            // The mail is committed with the account (transactional outbox): no crash or mail outage can lose it.
            MailOutbox.Enqueue(db, composer.OneTimePassword(address!, product, password, registration: true, settings.OneTimePasswordLifetime),
                MailOutbox.OneTimePasswordKind, account.Id, now, discardAfter: expiresAt);
            if (idempotencyKey is not null)
            {
                db.IdempotencyRecords.Add(new IdempotencyRecord { Key = idempotencyKey, RequestHash = requestHash, StatusCode = 202, Body = accepted, CreatedAt = now });
            }

            await db.SaveChangesAsync().ConfigureAwait(false);
            await transaction.CommitAsync().ConfigureAwait(false);
        }

        outbox.Signal();
        Log.Registered(logger, account.Id, license.Id, product);
        return Accepted(accepted);

        async Task<IResult> EmailInUse()
        {
            // Reveal nothing: the same 202 as a success; the owner of the address learns of the attempt.
            var fingerprint = Fingerprint(address!);
            Log.EmailInUse(logger, fingerprint);
            db.ChangeTracker.Clear();
            MailOutbox.Enqueue(db, composer.RegistrationAttempt(address!, product), MailOutbox.RegistrationAttemptKind, null, now, discardAfter: null);
            if (idempotencyKey is not null)
            {
                db.IdempotencyRecords.Add(new IdempotencyRecord { Key = idempotencyKey, RequestHash = requestHash, StatusCode = 202, Body = accepted, CreatedAt = now });
            }

            try
            {
                await db.SaveChangesAsync().ConfigureAwait(false);
            }
            catch (DbUpdateException exception) when (idempotencyKey is not null && StorageServiceCollectionExtensions.IsUniqueViolation(exception))
            {
                db.ChangeTracker.Clear();
                return await Replay(db, idempotencyKey, requestHash).ConfigureAwait(false) ?? Accepted(accepted);
            }

            outbox.Signal();
            OneTimePasswordHasher.HashDummy(); // the same work as a new registration: the answer's timing reveals nothing
            return Accepted(accepted);
        }
    }
}
