using System.Security.Cryptography;
using System.Text;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Http;
using Faktum.Licensing.Server.Storage;
using Microsoft.EntityFrameworkCore;

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

        [LoggerMessage(EventId = 203, EventName = "RecoveryStarted", Level = LogLevel.Information, Message = "Queued a recovery one-time password for account {AccountId}")]
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

        // 210 (EmailFailed) is retired: mail is sent by the outbox dispatcher, whose events are 600–605.

        [LoggerMessage(EventId = 211, EventName = "LapsedRegistrationReleased", Level = LogLevel.Information, Message = "Released the lapsed unconfirmed registration of account {AccountId} (company {IdentityFingerprint}) for a new registration")]
        public static partial void LapsedRegistrationReleased(ILogger logger, string accountId, string identityFingerprint);
    }
}
