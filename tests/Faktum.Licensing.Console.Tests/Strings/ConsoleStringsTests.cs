using System.Collections;
using System.Globalization;
using System.Resources;
using Faktum.Licensing.Server.WebConsole;

namespace Faktum.Licensing.Console.Tests.Strings;

public sealed class ConsoleStringsTests
{
    [Fact]
    public void Every_console_text_has_a_dutch_default_and_an_english_translation_with_the_same_placeholders()
    {
        var resources = new ResourceManager("Faktum.Licensing.Server.WebConsole.ConsoleStrings", typeof(ConsoleStrings).Assembly);
        var dutch = Texts(resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!);
        var english = Texts(resources.GetResourceSet(new CultureInfo("en"), createIfNotExists: true, tryParents: false)!);

        Assert.Equal(dutch.Keys.Order(StringComparer.Ordinal), english.Keys.Order(StringComparer.Ordinal));
        Assert.All(dutch, pair => Assert.Equal(Placeholders(pair.Value), Placeholders(english[pair.Key])));
        Assert.Equal("Vul een aantal plaatsen van 1 tot 1000 in.", dutch["Refused_seats-out-of-range"]);
        Assert.Equal("Enter a number of seats from 1 to 1000.", english["Refused_seats-out-of-range"]);
    }

    private static Dictionary<string, string> Texts(ResourceSet set) =>
        set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);

    private static string Placeholders(string text) =>
        string.Join(',', System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Order(StringComparer.Ordinal));
}
