using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Http;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Server.Seats;

/// <summary>
/// GET /v1/installations, POST /v1/installations/{id}/release, PATCH /v1/installations/{id} (S8): the owner's installations,
/// authorised by the license token as bearer, rate-limited per client address. Each calls <see cref="InstallationService"/>.
/// </summary>
internal static class InstallationEndpoints
{
    public static IEndpointRouteBuilder MapInstallationEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/installations").RequireRateLimiting(RateLimitPolicies.Installations)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapGet(string.Empty, ListAsync).Produces<InstallationListResponse>();
        group.MapPost("/{id}/release", ReleaseAsync)
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPatch("/{id}", RenameAsync).Accepts<InstallationLabelRequest>("application/json")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<IResult> ListAsync(HttpContext http, InstallationService installations)
    {
        var authorization = await installations.AuthorizeAsync(http.Request.Headers.Authorization.ToString(), http.RequestAborted).ConfigureAwait(false);
        return authorization.Authorized
            ? TypedResults.Ok(await installations.ListAsync(authorization, http.RequestAborted).ConfigureAwait(false))
            : Problems.InvalidLicenseToken();
    }

    private static async Task<IResult> ReleaseAsync(string id, HttpContext http, InstallationService installations)
    {
        var authorization = await installations.AuthorizeAsync(http.Request.Headers.Authorization.ToString(), http.RequestAborted).ConfigureAwait(false);
        if (!authorization.Authorized)
        {
            return Problems.InvalidLicenseToken();
        }

        return Answer(await installations.ReleaseAsync(authorization, id, http.RequestAborted).ConfigureAwait(false));
    }

    private static async Task<IResult> RenameAsync(string id, HttpContext http, InstallationService installations, IOptions<FaktumServerOptions> options)
    {
        var authorization = await installations.AuthorizeAsync(http.Request.Headers.Authorization.ToString(), http.RequestAborted).ConfigureAwait(false);
        if (!authorization.Authorized)
        {
            return Problems.InvalidLicenseToken();
        }

        var read = await RequestReader.ReadAsync<InstallationLabelRequest>(http, options.Value.MaxRequestBodyBytes).ConfigureAwait(false);
        return read.Problem ?? Answer(await installations.RenameAsync(authorization, id, read.Value!, http.RequestAborted).ConfigureAwait(false));
    }

    private static IResult Answer(InstallationChange change) => change.Status switch
    {
        InstallationChangeStatus.Done => TypedResults.NoContent(),
        InstallationChangeStatus.Invalid => Problems.Validation(change.Errors!),
        InstallationChangeStatus.NotFound => SeatProblems.NotFound(),
        InstallationChangeStatus.MoveBudgetExhausted => SeatProblems.MoveBudgetExhausted(change.NextMoveAt),
        _ => throw new InvalidOperationException($"Unhandled installation change {change.Status}."),
    };
}
