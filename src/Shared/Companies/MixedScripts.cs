using System.Globalization;
using System.Text;

namespace Faktum.Licensing.Companies;

/// <summary>
/// Finds a word that mixes Latin, Greek and Cyrillic letters: the confusables of UTS #39 that matter for Dutch company names
/// ("Вakkerij" with a Cyrillic В, "Jаnsen" with a Cyrillic а). A word in one of these alphabets, or in any other script
/// (Arabic, say), is fine; so are names whose words are each in one alphabet.
/// </summary>
internal static class MixedScripts
{
    private enum Script
    {
        None,
        Latin,
        Greek,
        Cyrillic,
    }

    /// <summary>Returns the first word (in the display form) that mixes alphabets, or <see langword="null"/>.</summary>
    public static string? FindMixedWord(string shown)
    {
        var compatible = shown.Normalize(NormalizationForm.FormKC);
        var wordStart = 0;
        var script = Script.None;
        var mixed = false;
        var index = 0;
        foreach (var rune in compatible.EnumerateRunes())
        {
            if (!Rune.IsLetter(rune) && Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark))
            {
                if (mixed)
                {
                    return compatible[wordStart..index];
                }

                script = Script.None;
                wordStart = index + rune.Utf16SequenceLength;
            }
            else if (Of(rune.Value) is var current and not Script.None)
            {
                mixed |= script != Script.None && current != script;
                script = current;
            }

            index += rune.Utf16SequenceLength;
        }

        return mixed ? compatible[wordStart..] : null;
    }

    private static Script Of(int codePoint) => codePoint switch
    {
        (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') => Script.Latin,
        >= 0x00C0 and <= 0x024F when codePoint is not (0x00D7 or 0x00F7) => Script.Latin,
        >= 0x1E00 and <= 0x1EFF => Script.Latin,
        >= 0x2C60 and <= 0x2C7F => Script.Latin,
        >= 0xA720 and <= 0xA7FF => Script.Latin,
        >= 0xAB30 and <= 0xAB6F => Script.Latin,
        >= 0x0370 and <= 0x03FF => Script.Greek,
        >= 0x1F00 and <= 0x1FFF => Script.Greek,
        >= 0x0400 and <= 0x052F => Script.Cyrillic,
        >= 0x1C80 and <= 0x1C8F => Script.Cyrillic,
        >= 0x2DE0 and <= 0x2DFF => Script.Cyrillic,
        >= 0xA640 and <= 0xA69F => Script.Cyrillic,
        _ => Script.None,
    };
}
