using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;

namespace Faktum.Licensing.Package.Tests;

/// <summary>
/// Every field code of the SDK the sample consumes (<c>RegistrationFieldCodes.All</c> of the packed Faktum.Licensing.dll in its
/// output) has a text in Dutch and in English at every field of the screens, and no text is the raw code.
/// </summary>
[Collection(SampleDemoCollection.Name)]
public sealed class SampleFieldTextsTests(SampleDemoFixture sample)
{
    [Fact]
    public async Task Every_sdk_field_code_has_a_dutch_and_an_english_text_at_every_field_and_none_is_the_raw_code()
    {
        Assert.True(sample.ExitCode == 0, sample.StandardOutput + sample.StandardError);
        var codes = SdkFieldCodes();
        Assert.Contains("invalid-format", codes);
        Assert.Contains("already-registered", codes);

        var (exitCode, output) = await SampleTerminal.CommandAsync("field-texts");

        Assert.True(exitCode == 0, output);
        using var texts = JsonDocument.Parse(output);
        foreach (var code in codes)
        {
            Assert.True(texts.RootElement.TryGetProperty(code, out var languages), $"the sample has no text for the SDK's field code '{code}'");
            var dutch = languages.GetProperty("nl").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
            var english = languages.GetProperty("en").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
            Assert.Equal(9, dutch.Count);
            Assert.Equal(dutch.Keys.Order(), english.Keys.Order());
            foreach (var (field, text) in dutch)
            {
                Assert.False(string.IsNullOrWhiteSpace(text), $"{code} at {field}: no Dutch text");
                Assert.False(string.IsNullOrWhiteSpace(english[field]), $"{code} at {field}: no English text");
                Assert.All(new[] { text, english[field] }, t => Assert.False(string.Equals(t.Trim(' ', '.'), code, StringComparison.OrdinalIgnoreCase), $"{code} at {field}: the raw code"));
                Assert.All(new[] { text, english[field] }, t => Assert.Contains(' ', t)); // a sentence, not a token
                Assert.NotEqual(text, english[field]);
            }
        }
    }

    /// <summary>The codes as the packed SDK lists them, read from the sample's own copy of it (a load context of its own).</summary>
    private static List<string> SdkFieldCodes()
    {
        var sdk = Path.Combine(Path.GetDirectoryName(SampleTerminal.SampleAssembly)!, "Faktum.Licensing.dll");
        var context = new AssemblyLoadContext("packed-sdk", isCollectible: true);
        try
        {
            var type = context.LoadFromAssemblyPath(sdk).GetType("Faktum.Licensing.RegistrationFieldCodes", throwOnError: true)!;
            var all = (IEnumerable<string>)type.GetProperty("All", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
            return [.. all];
        }
        finally
        {
            context.Unload();
        }
    }
}
