using System.Text;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Http;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Server.Admin;

/// <summary>The admin API's release routes: publish and withdraw take a manifest signed offline; rollout and pause narrow it on the server.</summary>
internal static class AdminReleaseEndpoints
{
    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapPost("/releases", (HttpContext http, AdminOperations operations, IOptions<FaktumServerOptions> options) =>
            SignedAsync(http, options, operations.PublishReleaseAsync))
            .Produces<AdminReleaseDto>().ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        admin.MapPost("/releases/withdraw", (HttpContext http, AdminOperations operations, IOptions<FaktumServerOptions> options) =>
            SignedAsync(http, options, operations.WithdrawReleaseAsync))
            .Produces<AdminReleaseDto>().ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        admin.MapPost("/releases/{releaseId}/rollout", async (string releaseId, HttpContext http, AdminOperations operations, IOptions<FaktumServerOptions> options) =>
        {
            var read = await RequestReader.ReadAsync<AdminRolloutRequest>(http, options.Value.MaxRequestBodyBytes).ConfigureAwait(false);
            if (read.Problem is not null)
            {
                return read.Problem;
            }

            if (read.Value!.Percentage is < 0 or > 100)
            {
                var check = new Validation();
                check.Add("percentage", "A rollout is 0 (paused) to 100 percent; it can only narrow the signed percentage.");
                return Problems.Validation(check.Errors);
            }

            return AdminResults.From(await operations.SetRolloutAsync(releaseId, read.Value.Percentage, http.RequestAborted).ConfigureAwait(false));
        }).Accepts<AdminRolloutRequest>("application/json").Produces<AdminReleaseDto>();
        admin.MapPost("/releases/{releaseId}/pause", async (string releaseId, HttpContext http, AdminOperations operations) =>
            AdminResults.From(await operations.PauseReleaseAsync(releaseId, http.RequestAborted).ConfigureAwait(false))).Produces<AdminReleaseDto>();

        admin.MapGet("/releases", async (HttpContext http, AdminQueries queries) =>
            TypedResults.Ok(await queries.ReleasesAsync(http.RequestAborted).ConfigureAwait(false))).Produces<IReadOnlyList<AdminReleaseDto>>();
        admin.MapGet("/releases/next-sequence", async (string product, HttpContext http, AdminQueries queries) =>
            TypedResults.Ok(new AdminNextSequenceDto(product, await queries.NextSequenceAsync(product, http.RequestAborted).ConfigureAwait(false))))
            .Produces<AdminNextSequenceDto>();
        admin.MapGet("/releases/{releaseId}/signed", async (string releaseId, HttpContext http, AdminQueries queries) =>
            await queries.ReleaseHeadAsync(releaseId, http.RequestAborted).ConfigureAwait(false) is { } signed
                ? Results.Text(signed, "application/json", Encoding.UTF8)
                : Problems.Create(StatusCodes.Status404NotFound, ProblemTypes.NotFound, "Not found.", "No release has that id."));
    }

    private static async Task<IResult> SignedAsync(HttpContext http, IOptions<FaktumServerOptions> options, Func<string, CancellationToken, Task<AdminOutcome<AdminReleaseDto>>> act)
    {
        // The body is the signed wire form as the release CLI wrote it; it is stored as-is.
        var read = await RequestReader.ReadAsync<System.Text.Json.JsonDocument>(http, options.Value.MaxRequestBodyBytes).ConfigureAwait(false);
        if (read.Problem is not null)
        {
            return read.Problem;
        }

        var undecodable = ReleaseUpload.ManifestHoldsUndecodableText(read.Value!.RootElement);
        read.Value.Dispose();
        return undecodable
            ? Problems.Create(StatusCodes.Status422UnprocessableEntity, ProblemTypes.ReleaseRefused, "Release refused.",
                "Malformed: the manifest holds a string or member name that is not valid Unicode (a lone surrogate escape).")
            : AdminResults.From(await act(Encoding.UTF8.GetString(read.Body), http.RequestAborted).ConfigureAwait(false));
    }
}
