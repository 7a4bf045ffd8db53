using Faktum.Licensing.Registration;

namespace Faktum.Licensing.Server.Http;

/// <summary>Collects per-field errors, keyed by JSON path ("company.name", "email").</summary>
internal sealed class Validation
{
    public FieldErrors Errors { get; } = new();

    public bool IsValid => Errors.Count == 0;

    /// <summary>Refuses <paramref name="field"/>: <paramref name="code"/> is one of <see cref="FieldCodes"/>, <paramref name="message"/> says it in English.</summary>
    public void Add(string field, string code, string message) => Errors.Add(field, code, message);

    /// <summary>Checks a required or optional free-text field by the shared rule (<see cref="FieldCheck.Text"/>).</summary>
    public string? Text(string field, string? value, int maxLength, bool required = true, Func<char, bool>? allowed = null, string? allowedMessage = null) =>
        Checked(field, FieldCheck.Text(value, maxLength, required, allowed, allowedMessage, out var normalized), normalized);

    /// <summary>Checks an address field of a registration by its rule in <see cref="AddressFields"/>.</summary>
    public string? Registration(AddressField field, string? value)
    {
        ArgumentNullException.ThrowIfNull(field);
        return Checked(field.RegistrationPath, FieldCheck.Address(field, value, field.Required, out var normalized), normalized);
    }

    /// <summary>Checks an address field of a company correction by its rule in <see cref="AddressFields"/>: there, every field is optional.</summary>
    public string? Correction(AddressField field, string? value)
    {
        ArgumentNullException.ThrowIfNull(field);
        return Checked(field.CorrectionPath, FieldCheck.Address(field, value, required: false, out var normalized), normalized);
    }

    /// <summary>Checks and normalises an e-mail address (lower case) by the shared rule (<see cref="FieldCheck.Email"/>).</summary>
    public string? Email(string field, string? value) => Checked(field, FieldCheck.Email(value, out var normalized), normalized);

    /// <summary>Checks an installation id: 8 to 128 characters of [A-Za-z0-9_-].</summary>
    public string? InstallationId(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            Add(field, FieldCodes.Required, "This field is required.");
            return null;
        }

        if (value.Length is < 8 or > 128 || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            Add(field, FieldCodes.InvalidFormat, "The installation id must be 8 to 128 characters of A-Z, a-z, 0-9, '-' and '_'.");
            return null;
        }

        return value;
    }

    private string? Checked(string field, FieldProblem? problem, string? normalized)
    {
        if (problem is not null)
        {
            Add(field, problem.Code, problem.Message);
        }

        return normalized;
    }
}
