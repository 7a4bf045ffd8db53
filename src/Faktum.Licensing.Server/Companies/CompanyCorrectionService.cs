using Faktum.Licensing.Companies;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Registration;
using Faktum.Licensing.Server.Http;
using Faktum.Licensing.Server.Licenses;
using Faktum.Licensing.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Faktum.Licensing.Server.Companies;

/// <summary>Corrects a company's address and contact (S6); the name never changes (I2). One SaveChanges: one transaction.</summary>
internal sealed partial class CompanyCorrectionService(
    LicensingDbContext db,
    ICompanyIdentityCanonicalizer canonicalizer,
    LicenseTokenService tokens,
    TimeProvider time,
    ILoggerFactory loggers)
{
    private readonly ILogger _logger = loggers.CreateLogger("Faktum.Licensing.Server.Companies");

    /// <summary>Checks the bearer token before the body is read: a refusal is 401 whatever the body holds.</summary>
    /// <param name="authorization">The <c>Authorization</c> header as sent.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    public async Task<CompanyCorrectionAuthorization> AuthorizeAsync(string authorization, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return CompanyCorrectionAuthorization.Refused;
        }

        var validation = await tokens.ValidateAsync(authorization["Bearer ".Length..].Trim(), checkLifetime: true).ConfigureAwait(false);
        if (!validation.Succeeded)
        {
            Log.Refused(_logger, validation.Refusal);
            return CompanyCorrectionAuthorization.Refused;
        }

        var claims = validation.Claims;
        var license = await db.Licenses.AsNoTracking().SingleOrDefaultAsync(l => l.Id == claims.LicenseId, cancellationToken).ConfigureAwait(false);
        var bound = license is not null && await db.Installations.AsNoTracking()
            .AnyAsync(i => i.LicenseId == license.Id && i.InstallationId == claims.InstallationId && i.ReleasedAt == null, cancellationToken).ConfigureAwait(false);
        if (license is not { Status: LicenseRecordStatus.Active } || !bound)
        {
            Log.Refused(_logger, "LicenseNotActiveOrNotBound");
            return CompanyCorrectionAuthorization.Refused;
        }

        return CompanyCorrectionAuthorization.For(license, claims.InstallationId, claims.Generation);
    }

    /// <summary>Applies a correction for an authorized license.</summary>
    public async Task<CompanyCorrectionOutcome> CorrectAsync(CompanyCorrectionAuthorization authorization, CompanyCorrectionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        ArgumentNullException.ThrowIfNull(request);
        if (!authorization.Authorized)
        {
            throw new InvalidOperationException("A company correction needs an authorized license; call AuthorizeAsync first.");
        }

        var license = authorization.License;
        var company = await db.Companies.Include(c => c.Account).SingleAsync(c => c.Id == license.CompanyId, cancellationToken).ConfigureAwait(false);
        if (request.Name is not null && !string.Equals(request.Name.Trim(), company.Name, StringComparison.Ordinal))
        {
            Log.NameChangeRefused(_logger, company.Id);
            return CompanyCorrectionOutcome.Refused(CompanyCorrectionStatus.NameImmutable);
        }

        var check = new Validation();
        var street = check.Correction(AddressFields.Street, request.Street);
        var houseNumber = check.Correction(AddressFields.HouseNumber, request.HouseNumber);
        var city = check.Correction(AddressFields.City, request.City);
        var contactName = check.Correction(AddressFields.ContactName, request.ContactName);
        var phone = check.Correction(AddressFields.Phone, request.Phone);
        CompanyIdentityResult? identity = null;
        if (request.Postcode is not null)
        {
            identity = canonicalizer.Create(company.Name, request.Postcode, company.Country);
            foreach (var error in identity.Errors)
            {
                check.Add(error.Field, error.Code, error.Message);
            }
        }

        if (!check.IsValid)
        {
            return CompanyCorrectionOutcome.Invalid(check.Errors);
        }

        if (identity is not null && !string.Equals(identity.Key, company.IdentityKey, StringComparison.Ordinal))
        {
            // Every identity the company has held stays its own (F8): the new one is added to them, the old one stays.
            var held = await db.HeldIdentities.AsNoTracking().SingleOrDefaultAsync(h => h.IdentityKey == identity.Key, cancellationToken).ConfigureAwait(false);
            if (held is not null && !string.Equals(held.CompanyId, company.Id, StringComparison.Ordinal))
            {
                return CompanyCorrectionOutcome.Refused(CompanyCorrectionStatus.CompanyAlreadyRegistered);
            }

            if (held is null)
            {
                db.HeldIdentities.Add(new HeldIdentity { IdentityKey = identity.Key!, CompanyId = company.Id, HeldSince = time.GetUtcNow() });
            }
        }

        if (identity is not null)
        {
            company.Postcode = identity.Postcode!;
            company.IdentityKey = identity.Key!;
        }

        company.Street = street ?? company.Street;
        company.HouseNumber = houseNumber ?? company.HouseNumber;
        company.City = city ?? company.City;
        company.ContactName = contactName ?? company.ContactName;
        if (request.Phone is not null)
        {
            company.Phone = phone;
        }

        try
        {
            // One SaveChanges: one transaction. The identity indexes still hold (I1, F8).
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException exception) when (StorageServiceCollectionExtensions.IsUniqueViolation(exception))
        {
            return CompanyCorrectionOutcome.Refused(CompanyCorrectionStatus.CompanyAlreadyRegistered);
        }

        Log.Corrected(_logger, company.Id);
        var token = tokens.Issue(license, company, authorization.InstallationId, authorization.Generation);
        return CompanyCorrectionOutcome.Corrected(new LicenseResponse(token, LicenseTokenService.Profile(company, company.Account!)));
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 400, EventName = "CompanyCorrectionRefused", Level = LogLevel.Warning, Message = "Refused a company correction: {Reason}")]
        public static partial void Refused(ILogger logger, string reason);

        [LoggerMessage(EventId = 401, EventName = "CompanyNameChangeRefused", Level = LogLevel.Warning, Message = "Refused to change the name of company {CompanyId}")]
        public static partial void NameChangeRefused(ILogger logger, string companyId);

        [LoggerMessage(EventId = 402, EventName = "CompanyCorrected", Level = LogLevel.Information, Message = "Corrected company {CompanyId}")]
        public static partial void Corrected(ILogger logger, string companyId);
    }
}
