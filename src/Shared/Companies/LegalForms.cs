namespace Faktum.Licensing.Companies;

/// <summary>
/// Removes Dutch legal-form designations (B.V., N.V., V.O.F., C.V.; after the name also the cooperative's U.A., W.A.
/// and B.A., i.o. and i.l.) from the start and the end of a canonical name, as whole words only.
/// </summary>
internal static class LegalForms
{
    // Abbreviations as they read once dots are dropped; "B. V." and "V. O. F." arrive as several
    // one- or two-letter words, so consecutive words are joined before comparing.
    private static readonly string[] s_abbreviations = ["bv", "nv", "vof", "cv"];

    // These follow the name, never precede it: "IO Solutions" keeps its "io". "i.o." is in oprichting, "i.l." in liquidatie;
    // a cooperative ends in U.A. (uitgesloten aansprakelijkheid), W.A. (wettelijke) or B.A. (beperkte aansprakelijkheid).
    private static readonly string[] s_trailingAbbreviations = ["io", "il", "ua", "wa", "ba"];

    private static readonly string[][] s_phrases =
    [
        ["besloten", "vennootschap", "met", "beperkte", "aansprakelijkheid"],
        ["besloten", "vennootschap"],
        ["naamloze", "vennootschap"],
        ["vennootschap", "onder", "firma"],
        ["commanditaire", "vennootschap"],
    ];

    private static readonly string[][] s_trailingPhrases = [["in", "oprichting"], ["in", "liquidatie"]];

    private const int MaxAbbreviationWords = 3;

    /// <summary>Strips legal forms in place.</summary>
    /// <returns><see langword="false"/> when nothing but legal forms was left.</returns>
    internal static bool Strip(List<string> words)
    {
        bool changed;
        do
        {
            changed = false;
            while (words.Count > 0 && MatchAtEnd(words) is int count and > 0)
            {
                words.RemoveRange(words.Count - count, count);
                changed = true;
            }

            while (words.Count > 0 && MatchAtStart(words) is int count and > 0)
            {
                words.RemoveRange(0, count);
                changed = true;
            }
        }
        while (changed && words.Count > 0);

        return words.Count > 0;
    }

    private static int MatchAtEnd(List<string> words)
    {
        foreach (string[] phrase in s_phrases.Concat(s_trailingPhrases))
        {
            if (phrase.Length <= words.Count && Matches(words, words.Count - phrase.Length, phrase))
            {
                return phrase.Length;
            }
        }

        for (int n = 1; n <= Math.Min(MaxAbbreviationWords, words.Count); n++)
        {
            string joined = string.Concat(words.GetRange(words.Count - n, n));
            if (s_abbreviations.Contains(joined, StringComparer.Ordinal) || s_trailingAbbreviations.Contains(joined, StringComparer.Ordinal))
            {
                return n;
            }
        }

        return 0;
    }

    private static int MatchAtStart(List<string> words)
    {
        foreach (string[] phrase in s_phrases)
        {
            if (phrase.Length <= words.Count && Matches(words, 0, phrase))
            {
                return phrase.Length;
            }
        }

        for (int n = 1; n <= Math.Min(MaxAbbreviationWords, words.Count); n++)
        {
            if (s_abbreviations.Contains(string.Concat(words.GetRange(0, n)), StringComparer.Ordinal))
            {
                return n;
            }
        }

        return 0;
    }

    private static bool Matches(List<string> words, int start, string[] phrase)
    {
        for (int i = 0; i < phrase.Length; i++)
        {
            if (!string.Equals(words[start + i], phrase[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
