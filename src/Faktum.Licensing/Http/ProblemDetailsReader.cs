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
        IReadOnlyList<LicensedInstallation>? installations = null;
        DateTimeOffset? nextMoveAt = null;
        IReadOnlyList<RegistrationFieldError> refused = [];
        IReadOnlyList<AccountCompany>? companies = null;
        string? licenseId = null, companyName = null;
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

                installations = type == ProblemTypes.SeatsFull ? InstallationWire.ReadList(root) : null;
                nextMoveAt = type == ProblemTypes.MoveBudgetExhausted && root.TryGetProperty("nextMoveAt", out var next)
                    && next.ValueKind == JsonValueKind.String && next.TryGetDateTimeOffset(out var at) ? at : null;

                // S9: the license a seats-full or move-budget answer is about, and the account's companies to choose from.
                if (type is ProblemTypes.SeatsFull or ProblemTypes.MoveBudgetExhausted)
                {
                    licenseId = Text(root, "license");
                    companyName = type == ProblemTypes.SeatsFull ? Text(root, "company") : null;
                }

                companies = type == ProblemTypes.CompanyChoiceRequired ? Companies(root) : null;

                if (root.TryGetProperty(ProblemTypes.FieldCodesExtension, out var codes) && codes.ValueKind == JsonValueKind.Object)
                {
                    refused = RefusedFields(fieldErrors, codes, detail ?? string.Empty);
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
            ProblemTypes.SeatsFull when installations is not null => LicensingFailure.SeatsFull,
            ProblemTypes.MoveBudgetExhausted => LicensingFailure.MoveBudgetExhausted,
            ProblemTypes.CompanyChoiceRequired when companies is { Count: > 0 } => LicensingFailure.CompanyChoiceRequired,
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
            LicensingFailure.SeatsFull => companyName is { Length: > 0 and <= 200 }
                ? $"Every seat of the license of {companyName} is taken. Choose the computer whose seat this one takes, and confirm again."
                : "Every seat of this license is taken. Choose the computer whose seat this one takes, and confirm again.",
            LicensingFailure.CompanyChoiceRequired => "This e-mail address belongs to several companies. Choose the companies to bring to this computer, and confirm again with the same one-time password.",
            LicensingFailure.MoveBudgetExhausted => nextMoveAt is { } next
                ? $"This license has moved to another computer too often lately. The next move is possible from {next:yyyy-MM-dd HH:mm} UTC."
                : "This license has moved to another computer too often lately. Ask the vendor for an extra move.",
            LicensingFailure.ServerUnreachable => $"The license server failed ({status}).",
            _ => detail is { Length: > 0 and <= 500 } ? detail : $"The license server refused the request ({status}).",
        };

        return new LicensingError(failure, message, fieldErrors, type, retryAfter, installations, nextMoveAt)
        {
            RefusedFields = failure is LicensingFailure.InvalidInput or LicensingFailure.CompanyAlreadyRegistered ? refused : [],
            LicenseId = licenseId,
            CompanyName = companyName,
            Companies = failure == LicensingFailure.CompanyChoiceRequired ? companies : null,
        };
    }

    /// <summary>
    /// Pairs each field's codes (the <c>codes</c> extension) with its messages in <c>errors</c>, in the same order; a code without a
    /// message (a 409 sends codes only) takes the problem's detail. A field without codes is left out.
    /// </summary>
    private static List<RegistrationFieldError> RefusedFields(IReadOnlyDictionary<string, IReadOnlyList<string>> messages, JsonElement codes, string detail)
    {
        var refused = new List<RegistrationFieldError>();
        foreach (var field in codes.EnumerateObject())
        {
            if (field.Value.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            var texts = messages.TryGetValue(field.Name, out var found) ? found : [];

            var index = 0;
            foreach (var code in field.Value.EnumerateArray())
            {
                if (code.ValueKind == JsonValueKind.String && code.GetString() is { Length: > 0 and <= 64 } value)
                {
                    refused.Add(new RegistrationFieldError(field.Name, value, index < texts.Count ? texts[index] : detail));
                }

                index++;
            }
        }

        return refused;
    }

    /// <summary>The <c>companies</c> extension of <c>company-choice-required</c>; <see langword="null"/> when it is not a list of companies.</summary>
    private static List<AccountCompany>? Companies(JsonElement root)
    {
        if (!root.TryGetProperty("companies", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var companies = new List<AccountCompany>();
        foreach (var company in array.EnumerateArray())
        {
            if (company.ValueKind != JsonValueKind.Object || Text(company, "license") is not { Length: > 0 } license || Text(company, "name") is not { } name)
            {
                return null;
            }

            companies.Add(new AccountCompany(license, name, Text(company, "postcode") ?? string.Empty, Text(company, "city") ?? string.Empty, Text(company, "country") ?? string.Empty, IsOnThisInstallation: false));
        }

        return companies;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
