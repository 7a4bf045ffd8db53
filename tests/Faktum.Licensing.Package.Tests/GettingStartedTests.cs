namespace Faktum.Licensing.Package.Tests;

/// <summary>docs/getting-started.md shows the sample's own wiring; the sample compiles, so the snippet does.</summary>
public sealed class GettingStartedTests
{
    [Fact]
    public void The_getting_started_snippet_is_the_samples_own_code()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryLayout.Root, "docs", "getting-started.md"));
        var start = doc.IndexOf("```csharp", StringComparison.Ordinal);
        Assert.True(start >= 0, "no C# snippet in docs/getting-started.md");
        var end = doc.IndexOf("```", start + 9, StringComparison.Ordinal);
        var snippet = doc[(start + 9)..end].Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

        var sample = string.Join('\n',
            Directory.GetFiles(Path.Combine(RepositoryLayout.Root, "samples", "Faktum.Factuur.Console"), "*.cs", SearchOption.AllDirectories)
                .Select(File.ReadAllText))
            .Split('\n').Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);

        Assert.All(snippet, line => Assert.True(sample.Contains(line), $"not in the sample: {line}"));
    }
}
