using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Companies;
using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Email;
using Faktum.Licensing.Server.Http;
using Faktum.Licensing.Server.Licenses;
using Faktum.Licensing.Server.OneTimePasswords;
using Faktum.Licensing.Server.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Server.Registration;

/// <summary>POST /v1/registrations, /v1/recoveries and /v1/confirmations (stories S2, S3, S4).</summary>
internal static partial class AccountEndpoints
{
    public const string RateLimitPolicy = "per-address";

    private static readonly AcceptedResponse RegistrationAccepted = new(
        "accepted",
        "If the details are in order, a one-time password is on its way to the e-mail address. Type it into the app to confirm the account.");

    private static readonly AcceptedResponse RecoveryAccepted = new(
        "accepted",
        "If an account uses this e-mail address, a one-time password is on its way to it. Type it into the app to continue.");

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/v1/registrations", RegisterAsync)
            .RequireRateLimiting(RateLimitPolicy)
            .Accepts<RegistrationRequest>("application/json")
            .Produces<AcceptedResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        routes.MapPost("/v1/recoveries", RecoverAsync)
            .RequireRateLimiting(RateLimitPolicy)
            .Accepts<RecoveryRequest>("application/json")
            .Produces<AcceptedResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        routes.MapPost("/v1/confirmations", ConfirmAsync)
            .RequireRateLimiting(RateLimitPolicy)
            .Accepts<ConfirmationRequest>("application/json")
            .Produces<LicenseResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return routes;
    }

    private static async Task<IResult> RegisterAsync(
        HttpContext http,
        LicensingDbContext db,
        IOptions<FaktumServerOptions> options,
        ICompanyIdentityCanonicalizer canonicalizer,
        LicenseTokenService tokens,
        EmailRateLimiter emailLimiter,
        EmailComposer composer,
        IEmailSender email,
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

        if (await db.Accounts.AsNoTracking().AnyAsync(a => a.Email == address).ConfigureAwait(false))
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
            Status = LicenseStatus.Pending,
            InstallationLimit = settings.DefaultInstallationLimit,
            CreatedAt = now,
        };

        string password;
        var transaction = await db.Database.BeginTransactionAsync().ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
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
            password = OneTimePasswordHasher.Generate();
            var (hash, salt) = OneTimePasswordHasher.Hash(password);
            db.OneTimePasswords.Add(new OneTimePassword
            {
                Id = Ids.New("otp"),
                AccountId = account.Id,
                Hash = hash,
                Salt = salt,
                InstallationId = installationId!,
                CreatedAt = now,
                ExpiresAt = now + settings.OneTimePasswordLifetime,
            });
            if (idempotencyKey is not null)
            {
                db.IdempotencyRecords.Add(new IdempotencyRecord { Key = idempotencyKey, RequestHash = requestHash, StatusCode = 202, Body = accepted, CreatedAt = now });
            }

            await db.SaveChangesAsync().ConfigureAwait(false);
            await transaction.CommitAsync().ConfigureAwait(false);
        }

        Log.Registered(logger, account.Id, license.Id, product);
        SendAfterResponse(http, email, composer.OneTimePassword(address!, product, password, registration: true, settings.OneTimePasswordLifetime), logger, account.Id);
        return Accepted(accepted);

        async Task<IResult> EmailInUse()
        {
            // Reveal nothing: the same 202 as a success; the owner of the address learns of the attempt.
            var fingerprint = Fingerprint(address!);
            Log.EmailInUse(logger, fingerprint);
            if (idempotencyKey is not null)
            {
                db.ChangeTracker.Clear();
                db.IdempotencyRecords.Add(new IdempotencyRecord { Key = idempotencyKey, RequestHash = requestHash, StatusCode = 202, Body = accepted, CreatedAt = now });
                try
                {
                    await db.SaveChangesAsync().ConfigureAwait(false);
                }
                catch (DbUpdateException exception) when (StorageServiceCollectionExtensions.IsUniqueViolation(exception))
                {
                    db.ChangeTracker.Clear();
                    return await Replay(db, idempotencyKey, requestHash).ConfigureAwait(false) ?? Accepted(accepted);
                }
            }

            OneTimePasswordHasher.HashDummy(); // the same work as a new registration: the answer's timing reveals nothing
            SendAfterResponse(http, email, composer.RegistrationAttempt(address!, product), logger, null);
            return Accepted(accepted);
        }
    }

    private static async Task<IResult> RecoverAsync(
        HttpContext http,
        LicensingDbContext db,
        IOptions<FaktumServerOptions> options,
        LicenseTokenService tokens,
        EmailRateLimiter emailLimiter,
        EmailComposer composer,
        IEmailSender email,
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
            // A new password replaces any pending one.
            await db.OneTimePasswords
                .Where(o => o.AccountId == account.Id && o.ConsumedAt == null && o.VoidedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.VoidedAt, now)).ConfigureAwait(false);
            db.OneTimePasswords.Add(new OneTimePassword
            {
                Id = Ids.New("otp"),
                AccountId = account.Id,
                Hash = hash,
                Salt = salt,
                InstallationId = installationId!,
                CreatedAt = now,
                ExpiresAt = now + settings.OneTimePasswordLifetime,
            });
            await db.SaveChangesAsync().ConfigureAwait(false);
            await transaction.CommitAsync().ConfigureAwait(false);
        }

        Log.RecoveryStarted(logger, account.Id);
        SendAfterResponse(http, email, composer.OneTimePassword(account.Email, request.Product!, password, registration: false, settings.OneTimePasswordLifetime), logger, account.Id);
        return Accepted(JsonSerializer.Serialize(RecoveryAccepted, RequestReader.Json));
    }

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
            if (license.Status == LicenseStatus.Pending)
            {
                license.Status = LicenseStatus.Active;
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

    /// <summary>Binds the license to an installation; at the installation limit the oldest binding is released (S4: "moved").</summary>
    private static async Task BindAsync(LicensingDbContext db, License license, string installationId, DateTimeOffset now, ILogger logger)
    {
        var active = await db.Installations.Where(i => i.LicenseId == license.Id && i.ReleasedAt == null)
            .OrderBy(i => i.BoundAt).ToListAsync().ConfigureAwait(false);
        if (active.Any(i => i.InstallationId == installationId))
        {
            return;
        }

        foreach (var oldest in active.Take(Math.Max(0, active.Count - license.InstallationLimit + 1)))
        {
            oldest.ReleasedAt = now;
            Log.InstallationReleased(logger, license.Id, oldest.Id);
        }

        db.Installations.Add(new Installation { Id = Ids.New("ins"), LicenseId = license.Id, InstallationId = installationId, BoundAt = now });
    }

    private static async Task<IResult?> Replay(LicensingDbContext db, string key, string requestHash)
    {
        var record = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Key == key).ConfigureAwait(false);
        if (record is null)
        {
            return null;
        }

        return string.Equals(record.RequestHash, requestHash, StringComparison.Ordinal)
            ? Results.Content(record.Body, "application/json", Encoding.UTF8, record.StatusCode)
            : Problems.Create(StatusCodes.Status422UnprocessableEntity, ProblemTypes.IdempotencyKeyReused, "The Idempotency-Key was used for another request.",
                "This Idempotency-Key was already used with a different body; use a new key for a new request.");
    }

    private static IResult Accepted(string body) => Results.Content(body, "application/json", Encoding.UTF8, StatusCodes.Status202Accepted);

    /// <summary>
    /// Sends the mail once the response is on its way, so that how long sending takes (SMTP!) never shows in the answer's
    /// timing (I5: a recovery for a known address must look like one for an unknown address).
    /// </summary>
    private static void SendAfterResponse(HttpContext http, IEmailSender sender, MimeKit.MimeMessage message, ILogger logger, string? accountId) =>
        http.Response.OnCompleted(() => SendAsync(sender, message, logger, accountId));

    private static async Task SendAsync(IEmailSender sender, MimeKit.MimeMessage message, ILogger logger, string? accountId)
    {
        using (message)
        {
            try
            {
                await sender.SendAsync(message, CancellationToken.None).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A mail that cannot be sent must not fail the request: the user can ask for a new password.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                Log.EmailFailed(logger, exception, accountId);
            }
        }
    }

    /// <summary>A short, non-reversible fingerprint for logs (never the address or key itself).</summary>
    internal static string Fingerprint(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)), 0, 6);

    private static partial class Log
    {
        [LoggerMessage(EventId = 200, EventName = "Registered", Level = LogLevel.Information, Message = "Registered account {AccountId} with pending license {LicenseId} for {Product}")]
        public static partial void Registered(ILogger logger, string accountId, string licenseId, string product);

        [LoggerMessage(EventId = 201, EventName = "CompanyAlreadyRegistered", Level = LogLevel.Information, Message = "Refused a registration: company {IdentityFingerprint} is already registered")]
        public static partial void CompanyAlreadyRegistered(ILogger logger, string identityFingerprint);

        [LoggerMessage(EventId = 202, EventName = "EmailInUse", Level = LogLevel.Information, Message = "Registration with an e-mail address in use ({EmailFingerprint}); notified its owner")]
        public static partial void EmailInUse(ILogger logger, string emailFingerprint);

        [LoggerMessage(EventId = 203, EventName = "RecoveryStarted", Level = LogLevel.Information, Message = "Sent a recovery one-time password for account {AccountId}")]
        public static partial void RecoveryStarted(ILogger logger, string accountId);

        [LoggerMessage(EventId = 204, EventName = "RecoveryForUnknownAddress", Level = LogLevel.Information, Message = "Recovery for an unknown address ({EmailFingerprint})")]
        public static partial void RecoveryForUnknownAddress(ILogger logger, string emailFingerprint);

        [LoggerMessage(EventId = 205, EventName = "WrongOneTimePassword", Level = LogLevel.Warning, Message = "A wrong one-time password was entered for account {AccountId}")]
        public static partial void WrongOneTimePassword(ILogger logger, string accountId);

        [LoggerMessage(EventId = 206, EventName = "OneTimePasswordVoided", Level = LogLevel.Warning, Message = "The pending one-time password of account {AccountId} is void after too many attempts")]
        public static partial void OneTimePasswordVoided(ILogger logger, string accountId);

        [LoggerMessage(EventId = 207, EventName = "Confirmed", Level = LogLevel.Information, Message = "Account {AccountId} confirmed; license {LicenseId} issued")]
        public static partial void Confirmed(ILogger logger, string accountId, string licenseId);

        [LoggerMessage(EventId = 208, EventName = "TrialActivated", Level = LogLevel.Information, Message = "Trial license {LicenseId} activated until {TrialEndsAt}")]
        public static partial void TrialActivated(ILogger logger, string licenseId, DateTimeOffset trialEndsAt);

        [LoggerMessage(EventId = 209, EventName = "InstallationReleased", Level = LogLevel.Information, Message = "License {LicenseId} released installation binding {BindingId}")]
        public static partial void InstallationReleased(ILogger logger, string licenseId, string bindingId);

        [LoggerMessage(EventId = 210, EventName = "EmailFailed", Level = LogLevel.Error, Message = "Could not send a mail (account {AccountId})")]
        public static partial void EmailFailed(ILogger logger, Exception exception, string? accountId);
    }
}
