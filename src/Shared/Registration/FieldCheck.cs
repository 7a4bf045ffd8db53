using System.Globalization;
using System.Text.RegularExpressions;
using Faktum.Licensing.Companies;

namespace Faktum.Licensing.Registration;

/// <summary>
/// The checks of the free-text fields and of the e-mail address, written once: the server applies them to every request, the
/// SDK before it sends one, so a field the SDK accepts is one the server accepts.
/// </summary>
internal static partial class FieldCheck
{
    /// <summary>The longest e-mail address.</summary>
    public const int MaxEmailLength = 254;

    /// <summary>
    /// Checks a free-text field: present when required, no control or invisible character (every default-ignorable code
    /// point among them), at most <paramref name="maxLength"/> once trimmed and runs of white space folded, and only
    /// <paramref name="allowed"/> characters.
    /// </summary>
    /// <param name="value">The value as typed.</param>
    /// <param name="maxLength">The longest value.</param>
    /// <param name="required">Whether an absent value is refused.</param>
    /// <param name="allowed">The characters the field takes, or <see langword="null"/> for any visible character.</param>
    /// <param name="allowedMessage">The message when a character is refused, or <see langword="null"/> for the general one.</param>
    /// <param name="normalized">The trimmed, folded value; <see langword="null"/> when absent or refused.</param>
    /// <returns>The problem, or <see langword="null"/> when the value is fine (or absent and optional).</returns>
    public static FieldProblem? Text(string? value, int maxLength, bool required, Func<char, bool>? allowed, string? allowedMessage, out string? normalized)
    {
        normalized = null;
        if (value is null || value.Trim().Length == 0)
        {
            return required ? new(FieldCodes.Required, "This field is required.") : null;
        }

        if (HasInvisible(value))
        {
            return new(FieldCodes.InvalidCharacters, "This field holds control or invisible characters.");
        }

        var trimmed = WhitespaceRun().Replace(value.Trim(), " ");
        if (trimmed.Length > maxLength)
        {
            return new(FieldCodes.TooLong, $"This field is limited to {maxLength} characters.");
        }

        if (allowed is not null && !trimmed.All(allowed))
        {
            return new(FieldCodes.NotAllowed, allowedMessage ?? "This field holds characters that are not allowed.");
        }

        normalized = trimmed;
        return null;
    }

    /// <summary>Checks an address or contact field by its rule; <paramref name="required"/> overrides the rule's (a correction requires nothing).</summary>
    public static FieldProblem? Address(AddressField field, string? value, bool required, out string? normalized)
    {
        ArgumentNullException.ThrowIfNull(field);
        return Text(value, field.MaxLength, required, field.Allowed, field.RefusedMessage, out normalized);
    }

    /// <summary>Checks an e-mail address: a dot-atom local part and domain, at most 254 characters; normalized to lower case.</summary>
    public static FieldProblem? Email(string? value, out string? normalized)
    {
        normalized = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return new(FieldCodes.Required, "This field is required.");
        }

        var trimmed = value.Trim();
        if (trimmed.Length > MaxEmailLength || !EmailPattern().IsMatch(trimmed))
        {
            return new(FieldCodes.InvalidFormat, "This is not a valid e-mail address.");
        }

        normalized = trimmed.ToLowerInvariant();
        return null;
    }

    private static bool HasInvisible(string value)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse)
            {
                return true;
            }
        }

        foreach (var rune in value.EnumerateRunes())
        {
            if (InvisibleCharacters.IsDefaultIgnorable(rune.Value))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRun();

    // RFC 5321 dot-atoms on both sides: the local part (1 to 64 characters) and every domain label start and end with a
    // character other than a dot, and no two dots meet ('.jan@', 'jan..piet@', 'jan.@', '@.example.nl', '@example..nl'
    // are refused here, not left for the mail library to throw on).
    [GeneratedRegex(@"^(?=[^@]{1,64}@)[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$")]
    private static partial Regex EmailPattern();
}
