using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Http;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Server.Startup;

/// <summary>POST /v1/startup (S5): reads the request, calls <see cref="StartupCheckService"/>, sends its signed answer.</summary>
internal static class StartupEndpoints
{
    public static IEndpointRouteBuilder MapStartupEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/v1/startup", StartupAsync)
            .RequireRateLimiting(RateLimitPolicies.Startup)
            .Accepts<StartupRequest>("application/json")
            .Produces<StartupResponseEnvelope>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return routes;
    }

    private static async Task<IResult> StartupAsync(HttpContext http, StartupCheckService startup, IOptions<FaktumServerOptions> options)
    {
        // A call with several licenses (S9) may be larger than any other request: its limit has room for all of them.
        var limit = Math.Max(options.Value.MaxRequestBodyBytes, StartupRequestRules.MaxBodyBytes);
        var read = await RequestReader.ReadAsync<StartupRequest>(http, limit).ConfigureAwait(false);
        if (read.Problem is not null)
        {
            return read.Problem;
        }

        var outcome = await startup.CheckAsync(read.Value!, http.RequestAborted).ConfigureAwait(false);
        return outcome.Answered
            ? TypedResults.Ok(new StartupResponseEnvelope(outcome.SignedResponse))
            : Problems.Validation(outcome.Errors);
    }
}
