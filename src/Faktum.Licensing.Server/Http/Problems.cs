using Faktum.Licensing.Registration;
using Faktum.Licensing.Protocol;

namespace Faktum.Licensing.Server.Http;

/// <summary>RFC 9457 problem details with the stable types of <see cref="ProblemTypes"/>.</summary>
internal static class Problems
{
    public static IResult Create(int status, string type, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, type: type);

    /// <summary>
    /// 400 validation-failed: <c>errors</c> holds the English messages per field, the <c>codes</c> extension one stable code
    /// (<c>FieldCodes</c>) per message, in the same order, so a client shows its own text in its user's language.
    /// </summary>
    public static IResult Validation(FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return TypedResults.ValidationProblem(
            errors,
            detail: "One or more fields are missing or invalid; see errors.",
            title: "The request is invalid.",
            type: ProblemTypes.ValidationFailed,
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { [ProblemTypes.FieldCodesExtension] = errors.Codes });
    }

    public static IResult Malformed(string detail) =>
        Create(StatusCodes.Status400BadRequest, ProblemTypes.MalformedRequest, "The request body could not be read.", detail);

    public static IResult TooLarge(int limit) =>
        Create(StatusCodes.Status413PayloadTooLarge, ProblemTypes.RequestTooLarge, "The request is too large.", $"Request bodies are limited to {limit} bytes.");

    public static IResult UnsupportedProduct() =>
        Create(StatusCodes.Status400BadRequest, ProblemTypes.UnsupportedProduct, "This product is not licensed by this server.", "The product id is not one this server licenses.");

    public static IResult InvalidLicenseToken() =>
        Create(StatusCodes.Status401Unauthorized, ProblemTypes.InvalidLicenseToken, "The license token is not valid.",
            "Send a current license token of this server, bound to this installation, as 'Authorization: Bearer <token>'.");

    public static IResult RateLimited(TimeSpan retryAfter) =>
        new RetryAfterResult(Create(StatusCodes.Status429TooManyRequests, ProblemTypes.RateLimited, "Too many requests.",
            "Too many requests from this address or for this e-mail address; wait and try again."), retryAfter);

    /// <summary>409: the company is taken; the <c>codes</c> extension names <paramref name="fields"/> (its identity) with <c>already-registered</c>.</summary>
    public static IResult CompanyAlreadyRegistered(params string[] fields) =>
        TypedResults.Problem(
            detail: "A company with this name and postcode already holds a license. Choose \"existing company\" and enter the e-mail address of its account to receive a one-time password.",
            statusCode: StatusCodes.Status409Conflict,
            title: "This company is already registered.",
            type: ProblemTypes.CompanyAlreadyRegistered,
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                [ProblemTypes.FieldCodesExtension] = fields.ToDictionary(f => f, _ => new[] { FieldCodes.AlreadyRegistered }, StringComparer.Ordinal),
            });
}
