using System.Globalization;
using System.Text.RegularExpressions;

namespace Faktum.Licensing.Server.Http;

/// <summary>Collects per-field errors, keyed by JSON path ("company.name", "email").</summary>
internal sealed partial class Validation
{
    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    public bool IsValid => Errors.Count == 0;

    public void Add(string field, string message) =>
        Errors[field] = Errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];

    /// <summary>Checks a required or optional free-text field: length, and no control or invisible characters.</summary>
    public string? Text(string field, string? value, int maxLength, bool required = true, Func<char, bool>? allowed = null, string? allowedMessage = null)
    {
        if (value is null || value.Trim().Length == 0)
        {
            if (required)
            {
                Add(field, "This field is required.");
            }

            return null;
        }

        if (value.Any(c => char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse))
        {
            Add(field, "This field holds control or invisible characters.");
            return null;
        }

        var trimmed = WhitespaceRun().Replace(value.Trim(), " ");
        if (trimmed.Length > maxLength)
        {
            Add(field, $"This field is limited to {maxLength} characters.");
            return null;
        }

        if (allowed is not null && !trimmed.All(allowed))
        {
            Add(field, allowedMessage ?? "This field holds characters that are not allowed.");
            return null;
        }

        return trimmed;
    }

    /// <summary>Checks an address field of a registration by its rule in <see cref="AddressFields"/>.</summary>
    public string? Registration(AddressField field, string? value)
    {
        ArgumentNullException.ThrowIfNull(field);
        return Text(field.RegistrationPath, value, field.MaxLength, field.Required, field.Allowed, field.RefusedMessage);
    }

    /// <summary>Checks an address field of a company correction by its rule in <see cref="AddressFields"/>: there, every field is optional.</summary>
    public string? Correction(AddressField field, string? value)
    {
        ArgumentNullException.ThrowIfNull(field);
        return Text(field.CorrectionPath, value, field.MaxLength, required: false, field.Allowed, field.RefusedMessage);
    }

    /// <summary>Checks and normalises an e-mail address (lower case): a dot-atom local part, at most 254 characters in all.</summary>
    public string? Email(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "This field is required.");
            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.Length > 254 || !EmailPattern().IsMatch(trimmed))
        {
            Add(field, "This is not a valid e-mail address.");
            return null;
        }

        return trimmed.ToLowerInvariant();
    }

    /// <summary>Checks an installation id: 8 to 128 characters of [A-Za-z0-9_-].</summary>
    public string? InstallationId(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            Add(field, "This field is required.");
            return null;
        }

        if (value.Length is < 8 or > 128 || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            Add(field, "The installation id must be 8 to 128 characters of A-Z, a-z, 0-9, '-' and '_'.");
            return null;
        }

        return value;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRun();

    // RFC 5321 dot-atoms on both sides: the local part (1 to 64 characters) and every domain label start and end with a
    // character other than a dot, and no two dots meet ('.jan@', 'jan..piet@', 'jan.@', '@.example.nl', '@example..nl'
    // are refused here, not left for the mail library to throw on).
    [GeneratedRegex(@"^(?=[^@]{1,64}@)[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$")]
    private static partial Regex EmailPattern();
}
