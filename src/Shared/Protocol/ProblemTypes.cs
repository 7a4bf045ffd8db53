namespace Faktum.Licensing.Protocol;

/// <summary>The RFC 9457 problem <c>type</c> values; each is stable and documented.</summary>
internal static class ProblemTypes
{
    public const string Prefix = "urn:faktum:problem:";
    public const string ValidationFailed = Prefix + "validation-failed";              // 400, with "errors": { field: [messages] } and "codes"
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
    public const string SeatsFull = Prefix + "seats-full";                            // 409: with "seats", "installations" and "license"; confirm again naming one to release
    public const string MoveBudgetExhausted = Prefix + "move-budget-exhausted";      // 409: with "nextMoveAt" (and "license" with several); the license moved too often in the window
    public const string CompanyChoiceRequired = Prefix + "company-choice-required";  // 409: with "companies" (AccountCompanyDto); recover again naming them in "licenses"
    /// <summary>The extension member of <see cref="ValidationFailed"/>: { field: [codes] }, one stable code per message of "errors".</summary>
    public const string FieldCodesExtension = "codes";

    public const string ReleaseSequenceStale = Prefix + "release-sequence-stale";     // 409: a sequence not above the product's highest
}
