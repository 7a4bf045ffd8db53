using System.Text.Json.Serialization;

namespace Faktum.Licensing.Protocol;

// The JSON wire contract of /v1, shared by the SDK and the reference server (docs/protocol.md is its prose).
// Member names are camelCase on the wire. Records are immutable; unknown members are refused by the server.

/// <summary>The company as entered at registration.</summary>
internal sealed record CompanyInput(
    string? Name,
    string? Postcode,
    string? Country,
    string? Street,
    string? HouseNumber,
    string? City);

/// <summary>The contact person.</summary>
internal sealed record ContactInput(string? Name, string? Phone);

/// <summary>POST /v1/registrations (header <c>Idempotency-Key</c> recommended).</summary>
internal sealed record RegistrationRequest(
    string? Product,
    CompanyInput? Company,
    ContactInput? Contact,
    string? Email,
    string? InstallationId);

/// <summary>POST /v1/recoveries.</summary>
internal sealed record RecoveryRequest(string? Email, string? Product, string? InstallationId);

/// <summary>The 202 body of registrations and recoveries: the same whatever the server knows.</summary>
internal sealed record AcceptedResponse(string Status, string Message);

/// <summary>POST /v1/confirmations.</summary>
internal sealed record ConfirmationRequest(string? Email, string? OneTimePassword, string? InstallationId, string? Product);

/// <summary>The registered company details (S6): the host uses the address as its invoice address.</summary>
internal sealed record CompanyProfileDto(
    string Name,
    string Postcode,
    string Country,
    string Street,
    string HouseNumber,
    string City,
    string ContactName,
    string? Phone,
    string Email);

/// <summary>The 200 body of a confirmation and of a company correction.</summary>
internal sealed record LicenseResponse(string License, CompanyProfileDto Company);

/// <summary>POST /v1/startup: exactly these four members (invariant I4).</summary>
internal sealed record StartupRequest(string? License, string? AppVersion, string? Channel, string? Nonce);

/// <summary>The 200 body of /v1/startup: one signed JWS (typ <c>faktum-startup+jwt</c>).</summary>
internal sealed record StartupResponseEnvelope(string Response);

/// <summary>PATCH /v1/company (Authorization: Bearer license token). A present <c>name</c> that differs is refused (I2).</summary>
internal sealed record CompanyCorrectionRequest(
    string? Name,
    string? Postcode,
    string? Street,
    string? HouseNumber,
    string? City,
    string? ContactName,
    string? Phone);

/// <summary>The claims of the signed startup response (typ <c>faktum-startup+jwt</c>), signed like license tokens.</summary>
internal static class StartupResponseClaimNames
{
    public const string TokenType = "faktum-startup+jwt";

    // iss, aud (product), iat, exp (short: the response goes stale after a few minutes) as in license tokens.
    public const string Nonce = "nonce";              // the request's nonce, echoed
    public const string ServerTime = "server_time";   // NumericDate, the server's clock
    public const string Verdict = "verdict";          // a LicenseVerdict by its wire name (LicenseVerdictNames)
    public const string TrialDaysLeft = "trial_days_left"; // integer, only with verdict "trial"
    public const string License = "license";          // refreshed license token, only while the license is good
    public const string Company = "company";          // CompanyProfileDto as an object, when the license is known
    public const string Updates = "updates";          // the update decision; null until [updates] lands
}

/// <summary>The RFC 9457 problem <c>type</c> values; each is stable and documented.</summary>
internal static class ProblemTypes
{
    public const string Prefix = "urn:faktum:problem:";
    public const string ValidationFailed = Prefix + "validation-failed";              // 400, with "errors": { field: [messages] }
    public const string MalformedRequest = Prefix + "malformed-request";              // 400, body not JSON / wrong shape / unknown member
    public const string RequestTooLarge = Prefix + "request-too-large";               // 413
    public const string UnsupportedProduct = Prefix + "unsupported-product";          // 400
    public const string CompanyAlreadyRegistered = Prefix + "company-already-registered"; // 409, points to "existing company"
    public const string OneTimePasswordInvalid = Prefix + "one-time-password-invalid";     // 400: wrong, expired, used or unknown
    public const string TooManyAttempts = Prefix + "too-many-attempts";               // 400: the pending password is void; request a new one
    public const string CompanyNameImmutable = Prefix + "company-name-immutable";     // 400 (I2)
    public const string InvalidLicenseToken = Prefix + "invalid-license-token";       // 401
    public const string Unauthorized = Prefix + "unauthorized";                       // 401 (admin API key)
    public const string NotFound = Prefix + "not-found";                              // 404
    public const string RateLimited = Prefix + "rate-limited";                        // 429, with Retry-After
    public const string IdempotencyKeyReused = Prefix + "idempotency-key-reused";     // 422: same key, different body
    public const string ReleaseRefused = Prefix + "release-refused";                  // 422: a manifest that does not verify under the release keys
    public const string ReleaseSequenceStale = Prefix + "release-sequence-stale";     // 409: a sequence not above the product's highest
}
