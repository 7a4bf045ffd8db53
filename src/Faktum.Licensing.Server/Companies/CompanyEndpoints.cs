using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Http;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Server.Companies;

/// <summary>PATCH /v1/company (S6): reads the request, calls <see cref="CompanyCorrectionService"/>, maps the outcome.</summary>
internal static class CompanyEndpoints
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

    private static async Task<IResult> CorrectAsync(HttpContext http, CompanyCorrectionService corrections, IOptions<FaktumServerOptions> options)
    {
        var authorization = await corrections.AuthorizeAsync(http.Request.Headers.Authorization.ToString(), http.RequestAborted).ConfigureAwait(false);
        if (!authorization.Authorized)
        {
            return Problems.InvalidLicenseToken();
        }

        var read = await RequestReader.ReadAsync<CompanyCorrectionRequest>(http, options.Value.MaxRequestBodyBytes).ConfigureAwait(false);
        if (read.Problem is not null)
        {
            return read.Problem;
        }

        var outcome = await corrections.CorrectAsync(authorization, read.Value!, http.RequestAborted).ConfigureAwait(false);
        return outcome.Status switch
        {
            CompanyCorrectionStatus.Corrected when outcome.Succeeded => TypedResults.Ok(outcome.License),
            CompanyCorrectionStatus.Invalid => Problems.Validation(outcome.Errors),
            CompanyCorrectionStatus.NameImmutable => Problems.Create(StatusCodes.Status400BadRequest, ProblemTypes.CompanyNameImmutable,
                "The company name cannot be changed.", "The company name is fixed at registration. Leave 'name' out, or send it unchanged."),
            CompanyCorrectionStatus.CompanyAlreadyRegistered => Problems.CompanyAlreadyRegistered("postcode"),
            _ => throw new InvalidOperationException($"Unhandled company correction outcome {outcome.Status}."),
        };
    }
}
