using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Http;
using Faktum.Licensing.Server.Licenses;
using Faktum.Licensing.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Server.Companies;

/// <summary>PATCH /v1/company (S6): corrects address and contact; the name never changes (I2).</summary>
internal static partial class CompanyEndpoints
{
    public static IEndpointRouteBuilder MapCompanyEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPatch("/v1/company", CorrectAsync)
            .RequireRateLimiting(RateLimitPolicies.CompanyCorrection)
            .Accepts<CompanyCorrectionRequest>("application/json")
            .Produces<LicenseResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    private static async Task<IResult> CorrectAsync(
        HttpContext http,
        LicensingDbContext db,
        IOptions<FaktumServerOptions> options,
        ICompanyIdentityCanonicalizer canonicalizer,
        LicenseTokenService tokens,
        ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("Faktum.Licensing.Server.Companies");
        var authorization = http.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.InvalidLicenseToken();
        }

        var validation = await tokens.ValidateAsync(authorization["Bearer ".Length..].Trim(), checkLifetime: true).ConfigureAwait(false);
        if (validation is not { Succeeded: true })
        {
            var failure = validation?.Failure.ToString() ?? "ForeignProduct";
            Log.Refused(logger, failure);
            return Problems.InvalidLicenseToken();
        }

        var claims = validation.Claims;
        var license = await db.Licenses.AsNoTracking().SingleOrDefaultAsync(l => l.Id == claims.LicenseId).ConfigureAwait(false);
        var bound = license is not null && await db.Installations.AsNoTracking()
            .AnyAsync(i => i.LicenseId == license.Id && i.InstallationId == claims.InstallationId && i.ReleasedAt == null).ConfigureAwait(false);
        if (license is not { Status: LicenseRecordStatus.Active } || !bound)
        {
            Log.Refused(logger, "LicenseNotActiveOrNotBound");
            return Problems.InvalidLicenseToken();
        }

        var read = await RequestReader.ReadAsync<CompanyCorrectionRequest>(http, options.Value.MaxRequestBodyBytes).ConfigureAwait(false);
        if (read.Problem is not null)
        {
            return read.Problem;
        }

        var request = read.Value!;
        var company = await db.Companies.Include(c => c.Account).SingleAsync(c => c.Id == license.CompanyId).ConfigureAwait(false);
        if (request.Name is not null && !string.Equals(request.Name.Trim(), company.Name, StringComparison.Ordinal))
        {
            Log.NameChangeRefused(logger, company.Id);
            return Problems.Create(StatusCodes.Status400BadRequest, ProblemTypes.CompanyNameImmutable, "The company name cannot be changed.",
                "The company name is fixed at registration. Leave 'name' out, or send it unchanged.");
        }

        var check = new Validation();
        var street = check.Text("street", request.Street, 100, required: false, allowed: Validation.IsAddressCharacter);
        var houseNumber = check.Text("houseNumber", request.HouseNumber, 16, required: false, allowed: c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-' or '/');
        var city = check.Text("city", request.City, 100, required: false, allowed: Validation.IsAddressCharacter);
        var contactName = check.Text("contactName", request.ContactName, 100, required: false, allowed: Validation.IsAddressCharacter);
        var phone = check.Text("phone", request.Phone, 32, required: false, allowed: Validation.IsPhoneCharacter, "A phone number holds digits, spaces and + - ( ) only.");
        CompanyIdentityResult? identity = null;
        if (request.Postcode is not null)
        {
            identity = canonicalizer.Create(company.Name, request.Postcode, company.Country);
            foreach (var error in identity.Errors)
            {
                check.Add(error.Field, error.Message);
            }
        }

        if (!check.IsValid)
        {
            return Problems.Validation(check.Errors);
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
            // One SaveChanges: one transaction. The identity index still holds (I1).
            await db.SaveChangesAsync().ConfigureAwait(false);
        }
        catch (DbUpdateException exception) when (StorageServiceCollectionExtensions.IsUniqueViolation(exception))
        {
            return Problems.CompanyAlreadyRegistered();
        }

        Log.Corrected(logger, company.Id);
        return TypedResults.Ok(new LicenseResponse(tokens.Issue(license, company, claims.InstallationId), LicenseTokenService.Profile(company, company.Account!)));
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
