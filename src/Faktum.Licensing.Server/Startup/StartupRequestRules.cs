using Faktum.Licensing.Registration;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Http;

namespace Faktum.Licensing.Server.Startup;

/// <summary>
/// The shape of a start-up request (docs/protocol.md): one token in <c>license</c>, or 2 to <see cref="StartupRequest.MaxLicenses"/>
/// distinct tokens in <c>licenses</c> (S9) and then no <c>license</c>; a version, a channel and a nonce.
/// </summary>
internal static class StartupRequestRules
{
    /// <summary>The longest license token accepted.</summary>
    public const int MaxTokenLength = 8192;

    /// <summary>
    /// The body limit of <c>POST /v1/startup</c>: room for <see cref="StartupRequest.MaxLicenses"/> tokens of the longest length
    /// (a request with several licenses is larger than any other request, which <c>FaktumServer:MaxRequestBodyBytes</c> caps).
    /// </summary>
    public const int MaxBodyBytes = (StartupRequest.MaxLicenses * (MaxTokenLength + 3)) + 1024;

    public static Validation Validate(StartupRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var check = new Validation();
        if (request.Licenses is { } licenses)
        {
            Licenses(check, request.License, licenses);
        }
        else if (string.IsNullOrEmpty(request.License))
        {
            check.Add("license", FieldCodes.Required, "This field is required.");
        }
        else if (request.License.Length > MaxTokenLength)
        {
            check.Add("license", FieldCodes.TooLong, "The license token is too long.");
        }

        check.Text("appVersion", request.AppVersion, 64, allowed: c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '+', allowedMessage: "A version holds letters, digits and . - + only.");
        check.Text("channel", request.Channel, 32, allowed: c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_', allowedMessage: "A channel holds letters, digits and . - _ only.");
        if (string.IsNullOrEmpty(request.Nonce))
        {
            check.Add("nonce", FieldCodes.Required, "This field is required.");
        }
        else if (request.Nonce.Length is < 16 or > 128 || !request.Nonce.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            check.Add("nonce", FieldCodes.InvalidFormat, "The nonce must be 16 to 128 base64url characters.");
        }

        return check;
    }

    private static void Licenses(Validation check, string? license, IReadOnlyList<string> licenses)
    {
        const string Field = "licenses";
        if (license is not null)
        {
            check.Add(Field, FieldCodes.NotAllowed, "Send one license in 'license' or several in 'licenses', never both.");
        }
        else if (licenses.Count == 0)
        {
            check.Add(Field, FieldCodes.Required, "List the license tokens of the installation.");
        }
        else if (licenses.Count is 1 or > StartupRequest.MaxLicenses)
        {
            check.Add(Field, FieldCodes.OutOfRange, $"'licenses' holds 2 to {StartupRequest.MaxLicenses} license tokens; send a single one in 'license'.");
        }
        else if (licenses.Any(string.IsNullOrEmpty))
        {
            check.Add(Field, FieldCodes.Required, "Every license token must be present.");
        }
        else if (licenses.Any(t => t.Length > MaxTokenLength))
        {
            check.Add(Field, FieldCodes.TooLong, "A license token is too long.");
        }
        else if (licenses.Distinct(StringComparer.Ordinal).Count() != licenses.Count)
        {
            check.Add(Field, FieldCodes.InvalidValue, "Each license token may appear once.");
        }
    }
}
