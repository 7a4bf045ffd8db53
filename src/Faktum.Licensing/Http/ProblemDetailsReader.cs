using System.Net;
using System.Text.Json;
using Faktum.Licensing.Protocol;

namespace Faktum.Licensing.Http;

/// <summary>Reads an RFC 9457 problem-details answer into a <see cref="LicensingError"/>: the one place error bodies are parsed.</summary>
internal static class ProblemDetailsReader
{
    public static LicensingError Read(HttpResponseMessage response, byte[] content)
    {
        string? type = null, detail = null;
        var fieldErrors = LicensingError.EmptyFieldErrors;
        try
        {
            using var document = JsonDocument.Parse(content, new JsonDocumentOptions { MaxDepth = 8 });
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                type = Text(root, "type");
                detail = Text(root, "detail") ?? Text(root, "title");
                if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
                {
                    var map = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
                    foreach (var field in errors.EnumerateObject())
                    {
                        map[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                            ? [.. field.Value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
                            : [];
                    }

                    fieldErrors = map;
                }
            }
        }
        catch (JsonException)
        {
            // Not problem details: classified by status code alone.
        }

        var retryAfter = response.Headers.RetryAfter?.Delta;
        var status = (int)response.StatusCode;
        var failure = type switch
        {
            ProblemTypes.ValidationFailed => LicensingFailure.InvalidInput,
            ProblemTypes.CompanyAlreadyRegistered => LicensingFailure.CompanyAlreadyRegistered,
            ProblemTypes.OneTimePasswordInvalid => LicensingFailure.OneTimePasswordInvalid,
            ProblemTypes.TooManyAttempts => LicensingFailure.TooManyAttempts,
            ProblemTypes.CompanyNameImmutable => LicensingFailure.CompanyNameImmutable,
            ProblemTypes.InvalidLicenseToken => LicensingFailure.LicenseRejected,
            ProblemTypes.RateLimited => LicensingFailure.RateLimited,
            ProblemTypes.UnsupportedProduct => LicensingFailure.UnknownProduct,
            _ when response.StatusCode == HttpStatusCode.TooManyRequests => LicensingFailure.RateLimited,
            _ when status >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout => LicensingFailure.ServerUnreachable,
            _ => LicensingFailure.RequestRejected,
        };

        var message = failure switch
        {
            LicensingFailure.CompanyAlreadyRegistered => "This company is already registered. Choose 'existing company' and confirm with the e-mail address it was registered with.",
            LicensingFailure.OneTimePasswordInvalid => "The one-time password is wrong, expired or already used.",
            LicensingFailure.TooManyAttempts => "Too many wrong one-time passwords. Request a new one.",
            LicensingFailure.CompanyNameImmutable => "The company name cannot be changed.",
            LicensingFailure.RateLimited => "The license server asks to slow down. Try again later.",
            LicensingFailure.ServerUnreachable => $"The license server failed ({status}).",
            _ => detail is { Length: > 0 and <= 500 } ? detail : $"The license server refused the request ({status}).",
        };

        return new LicensingError(failure, message, fieldErrors, type, retryAfter);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
