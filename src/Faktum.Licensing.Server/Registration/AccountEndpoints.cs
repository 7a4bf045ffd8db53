using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Http;
using Faktum.Licensing.Server.Observability;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Server.Registration;

/// <summary>
/// POST /v1/registrations, /v1/recoveries and /v1/confirmations (stories S2, S3, S4): each reads the request, calls its
/// service (<see cref="RegistrationService"/>, <see cref="RecoveryService"/>, <see cref="ConfirmationService"/>) and maps
/// the outcome to an answer or to problem details.
/// </summary>
internal static class AccountEndpoints
{
    public const string RateLimitPolicy = "per-address";

    private static readonly string RecoveryAccepted = JsonSerializer.Serialize(
        new AcceptedResponse(
            "accepted",
            "If an account uses this e-mail address, a one-time password is on its way to it. Type it into the app to continue."),
        RequestReader.Json);

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
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return routes;
    }

    private static async Task<IResult> RegisterAsync(HttpContext http, RegistrationService registrations, IOptions<FaktumServerOptions> options, ServerMetrics metrics)
    {
        var read = await RequestReader.ReadAsync<RegistrationRequest>(http, options.Value.MaxRequestBodyBytes).ConfigureAwait(false);
        if (read.Problem is not null)
        {
            return read.Problem;
        }

        string? idempotencyKey = http.Request.Headers.TryGetValue("Idempotency-Key", out var header) ? header.ToString() : null;
        var requestHash = Convert.ToHexString(SHA256.HashData(read.Body));
        var outcome = await registrations.RegisterAsync(read.Value!, idempotencyKey, requestHash, http.Connection.RemoteIpAddress, http.RequestAborted).ConfigureAwait(false);
        metrics.Registered(outcome.Status);
        return outcome.Status switch
        {
            RegistrationStatus.Accepted or RegistrationStatus.Replayed when outcome.HasAnswer => Json(outcome.Answer),
            RegistrationStatus.Invalid => Problems.Validation(outcome.Errors),
            RegistrationStatus.UnsupportedProduct => Problems.UnsupportedProduct(),
            RegistrationStatus.RateLimited => Problems.RateLimited(options.Value.RateLimits.EmailWindow),
            RegistrationStatus.CompanyAlreadyRegistered => Problems.CompanyAlreadyRegistered("company.name", "company.postcode"),
            RegistrationStatus.IdempotencyKeyReused => Problems.Create(StatusCodes.Status422UnprocessableEntity, ProblemTypes.IdempotencyKeyReused,
                "The Idempotency-Key was used for another request.", "This Idempotency-Key was already used with a different body; use a new key for a new request."),
            _ => throw new InvalidOperationException($"Unhandled registration outcome {outcome.Status}."),
        };
    }

    private static async Task<IResult> RecoverAsync(HttpContext http, RecoveryService recoveries, IOptions<FaktumServerOptions> options, ServerMetrics metrics)
    {
        var read = await RequestReader.ReadAsync<RecoveryRequest>(http, options.Value.MaxRequestBodyBytes).ConfigureAwait(false);
        if (read.Problem is not null)
        {
            return read.Problem;
        }

        var outcome = await recoveries.RecoverAsync(read.Value!, http.Connection.RemoteIpAddress, http.RequestAborted).ConfigureAwait(false);
        metrics.Recovered(outcome.Status);
        return outcome.Status switch
        {
            RecoveryStatus.Accepted => Json(new StoredAnswer(StatusCodes.Status202Accepted, RecoveryAccepted)),
            RecoveryStatus.Invalid => Problems.Validation(outcome.Errors),
            RecoveryStatus.UnsupportedProduct => Problems.UnsupportedProduct(),
            RecoveryStatus.RateLimited => Problems.RateLimited(options.Value.RateLimits.EmailWindow),
            _ => throw new InvalidOperationException($"Unhandled recovery outcome {outcome.Status}."),
        };
    }

    private static async Task<IResult> ConfirmAsync(HttpContext http, ConfirmationService confirmations, IOptions<FaktumServerOptions> options, ServerMetrics metrics)
    {
        var read = await RequestReader.ReadAsync<ConfirmationRequest>(http, options.Value.MaxRequestBodyBytes).ConfigureAwait(false);
        if (read.Problem is not null)
        {
            return read.Problem;
        }

        var outcome = await confirmations.ConfirmAsync(read.Value!, http.Connection.RemoteIpAddress, http.RequestAborted).ConfigureAwait(false);
        metrics.Confirmed(outcome.Status);
        return outcome.Status switch
        {
            ConfirmationStatus.Confirmed when outcome.Succeeded => TypedResults.Ok(outcome.License),
            ConfirmationStatus.Invalid => Problems.Validation(outcome.Errors),
            ConfirmationStatus.UnsupportedProduct => Problems.UnsupportedProduct(),
            ConfirmationStatus.RateLimited => Problems.RateLimited(options.Value.RateLimits.EmailWindow),
            ConfirmationStatus.OneTimePasswordInvalid => Problems.Create(StatusCodes.Status400BadRequest, ProblemTypes.OneTimePasswordInvalid,
                "The one-time password is not valid.", "The one-time password is wrong, expired or already used. Check it, or ask for a new one."),
            ConfirmationStatus.TooManyAttempts => Problems.Create(StatusCodes.Status400BadRequest, ProblemTypes.TooManyAttempts,
                "Too many wrong one-time passwords.", "This one-time password can no longer be used. Ask for a new one (choose \"existing company\")."),
            ConfirmationStatus.SeatsFull => Seats.SeatProblems.SeatsFull(outcome.Seats, outcome.Installations, outcome.LicenseId!, outcome.CompanyName!),
            ConfirmationStatus.MoveBudgetExhausted => Seats.SeatProblems.MoveBudgetExhausted(outcome.NextMoveAt, outcome.LicenseId),
            ConfirmationStatus.CompanyChoiceRequired => TypedResults.Problem(
                detail: "This e-mail address owns several companies. Confirm again with the same one-time password, naming in 'licenses' the companies to bring to this computer.",
                statusCode: StatusCodes.Status409Conflict,
                title: "Choose the companies to bring.",
                type: ProblemTypes.CompanyChoiceRequired,
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["companies"] = outcome.Companies }),
            _ => throw new InvalidOperationException($"Unhandled confirmation outcome {outcome.Status}."),
        };
    }

    private static IResult Json(StoredAnswer answer) => Results.Content(answer.Body, "application/json", Encoding.UTF8, answer.StatusCode);
}
