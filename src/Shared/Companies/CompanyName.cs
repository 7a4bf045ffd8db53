using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using static Faktum.Licensing.Companies.CompanyIdentityErrors;

namespace Faktum.Licensing.Companies;

/// <summary>Validates a company name and derives its display form and its canonical (key) form.</summary>
internal static class CompanyName
{
    internal const int MaxLength = 200;

    internal static CompanyIdentityError? Canonicalize(string? value, out string? display, out string? canonical)
    {
        display = null;
        canonical = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return new(NameField, Required, "The company name is required.");
        }

        if (FindDisallowed(value) is (int index, int codePoint))
        {
            return new(NameField, InvalidCharacters, string.Create(CultureInfo.InvariantCulture,
                $"The company name contains a control or invisible character (U+{codePoint:X4}) at position {index + 1}; retype the name without it."));
        }

        string shown = CollapseWhiteSpace(value).Normalize(NormalizationForm.FormC);
        if (shown.Length > MaxLength)
        {
            return new(NameField, TooLong, $"The company name is longer than {MaxLength} characters.");
        }

        if (MixedScripts.FindMixedWord(shown) is { } mixed)
        {
            return new(NameField, MixedScript, $"The company name mixes Latin, Greek or Cyrillic letters in one word (\"{mixed}\"); retype the word in one alphabet.");
        }

        List<string> words = Words(shown);
        JoinInitials(words);
        DropConnectives(words);
        if (words.Count == 0)
        {
            return new(NameField, InvalidFormat, "The company name must contain at least one letter or digit.");
        }

        if (!LegalForms.Strip(words))
        {
            return new(NameField, InvalidFormat, "The company name must be more than a legal form such as B.V. or N.V.");
        }

        string key = string.Join(' ', words);
        if (key.Length > MaxLength)
        {
            return new(NameField, TooLong, $"The company name is longer than {MaxLength} characters once normalized.");
        }

        display = shown;
        canonical = key;
        return null;
    }

    /// <summary>
    /// Returns the position and value of the first code point that is control, format (invisible), a line or paragraph
    /// separator, private use, unassigned, an unpaired surrogate, or a default-ignorable code point (invisible letters such as
    /// the Hangul fillers U+3164, U+FFA0 and U+115F, variation selectors, the combining grapheme joiner); or <see langword="null"/>.
    /// </summary>
    /// <remarks>
    /// Unassigned code points are refused because their normalization and category may change when they
    /// are assigned in a later Unicode version, which would change the key of an existing company.
    /// </remarks>
    private static (int Index, int CodePoint)? FindDisallowed(string value)
    {
        for (int i = 0; i < value.Length; i++)
        {
            if (Rune.DecodeFromUtf16(value.AsSpan(i), out Rune rune, out int consumed) != System.Buffers.OperationStatus.Done)
            {
                return (i, value[i]);
            }

            if (InvisibleCharacters.IsDefaultIgnorable(rune.Value))
            {
                return (i, rune.Value);
            }

            switch (Rune.GetUnicodeCategory(rune))
            {
                case UnicodeCategory.Control:
                case UnicodeCategory.Format:
                case UnicodeCategory.LineSeparator:
                case UnicodeCategory.ParagraphSeparator:
                case UnicodeCategory.PrivateUse:
                case UnicodeCategory.OtherNotAssigned:
                case UnicodeCategory.Surrogate:
                    return (i, rune.Value);
            }

            i += consumed - 1;
        }

        return null;
    }

    private static string CollapseWhiteSpace(string value)
    {
        var builder = new StringBuilder(value.Length);
        bool pendingSpace = false;
        foreach (char c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Folds the display name into lower-case words without diacritics, punctuation or symbols.</summary>
    [SuppressMessage("Globalization", "CA1308:Normalize strings to uppercase",
        Justification = "The key is a stored, documented format in lower case (NL:1234AB:bakkerij jansen); the invariant culture makes it culture-independent.")]
    private static List<string> Words(string shown)
    {
        // Trademark signs decompose to letters under NFKC ("™" to "TM"); they are symbols, so drop them first.
        string compatible = shown.Replace("\u2122", " ", StringComparison.Ordinal)
            .Replace("\u2120", " ", StringComparison.Ordinal)
            .Normalize(NormalizationForm.FormKC);

        // Decompose before lower-casing so that U+0130 (I with dot above) folds to i like any other I.
        string folded = compatible.Normalize(NormalizationForm.FormD).ToLowerInvariant();

        var builder = new StringBuilder(folded.Length);
        foreach (Rune rune in folded.EnumerateRunes())
        {
            switch (rune.Value)
            {
                // Word-internal marks are dropped: "A.B.C." is "ABC", "O'Brien" is "OBrien", "B.V." is "BV".
                case '.' or '\'' or '`' or '\u00B7' or '\u02BC' or '\u2018' or '\u2019':
                    continue;
                case '\u00DF': // ß: full case folding
                    builder.Append("ss");
                    continue;
                case '\u03C2': // final sigma: full case folding
                    builder.Append('\u03C3');
                    continue;
            }

            switch (Rune.GetUnicodeCategory(rune))
            {
                case UnicodeCategory.NonSpacingMark:
                case UnicodeCategory.EnclosingMark:
                    break;
                case UnicodeCategory.ConnectorPunctuation:
                case UnicodeCategory.DashPunctuation:
                case UnicodeCategory.OpenPunctuation:
                case UnicodeCategory.ClosePunctuation:
                case UnicodeCategory.InitialQuotePunctuation:
                case UnicodeCategory.FinalQuotePunctuation:
                case UnicodeCategory.OtherPunctuation:
                case UnicodeCategory.MathSymbol:
                case UnicodeCategory.CurrencySymbol:
                case UnicodeCategory.ModifierSymbol:
                case UnicodeCategory.OtherSymbol:
                case UnicodeCategory.SpaceSeparator:
                    builder.Append(' ');
                    break;
                case UnicodeCategory.DecimalDigitNumber when !rune.IsAscii:
                    // Decimal digits of every script are the same number: "Jansen ١" is "Jansen 1".
                    builder.Append((char)('0' + (int)Rune.GetNumericValue(rune)));
                    break;
                default:
                    builder.Append(rune);
                    break;
            }
        }

        string recomposed = builder.ToString().Normalize(NormalizationForm.FormC);
        return [.. recomposed.Split(' ', StringSplitOptions.RemoveEmptyEntries)];
    }

    /// <summary>Joins a run of two or more one-letter words: spaced initials ("A. B. C. Bouw") are the initials "ABC Bouw".</summary>
    private static void JoinInitials(List<string> words)
    {
        for (int start = 0; start < words.Count; start++)
        {
            int end = start;
            while (end < words.Count && IsInitial(words[end]))
            {
                end++;
            }

            if (end - start >= 2)
            {
                words[start] = string.Concat(words.GetRange(start, end - start));
                words.RemoveRange(start + 1, end - start - 1);
            }
        }

        static bool IsInitial(string word) => word.EnumerateRunes().Count() == 1 && Rune.IsLetter(word.EnumerateRunes().First());
    }

    /// <summary>
    /// Drops the connectives "en" and "and" between two words: "&amp;" and "+" are separators already, so "Jansen &amp; Zn",
    /// "Jansen + Zn", "Jansen en Zn" and "Jansen and Zn" are one company. A first or last word is part of the name ("En Vogue").
    /// </summary>
    private static void DropConnectives(List<string> words)
    {
        for (int i = words.Count - 2; i >= 1; i--)
        {
            if (words[i] is "en" or "and")
            {
                words.RemoveAt(i);
            }
        }
    }
}
