using System.Text.RegularExpressions;

namespace Faktum.Licensing.Tests.Docs;

/// <summary>
/// Every C# block in docs/ is code that builds in the solution (issue 15): the block is preceded by
/// <c>&lt;!-- snippet: FILE --&gt;</c> (the whole file) or <c>&lt;!-- snippet: FILE#REGION --&gt;</c> (a <c>#region</c>, dedented),
/// FILE relative to docs/snippets, whose projects are in Faktum.Licensing.sln. A block and its code that drift fail here.
/// </summary>
public sealed partial class DocsSnippetTests
{
    private static readonly string Root = FindRoot();
    private static readonly string Docs = Path.Combine(Root, "docs");

    [Fact]
    public void Every_csharp_block_in_the_docs_is_the_code_of_a_snippet_project()
    {
        var blocks = Directory.GetFiles(Docs, "*.md", SearchOption.AllDirectories).SelectMany(Blocks).ToList();

        Assert.NotEmpty(blocks);
        Assert.All(blocks, block =>
        {
            Assert.True(block.Marker is not null, $"{block.Where}: a C# block without a <!-- snippet: FILE#REGION --> marker above it.");
            Assert.Equal(Expected(block.Marker!, block.Where), block.Code);
        });
    }

    [Fact]
    public void Getting_started_is_the_whole_program_of_a_project()
    {
        var doc = File.ReadAllText(Path.Combine(Docs, "getting-started.md"));

        Assert.Contains("<!-- snippet: GettingStarted/Program.cs -->", doc, StringComparison.Ordinal);
    }

    private static IEnumerable<(string Where, string? Marker, string Code)> Blocks(string file)
    {
        var lines = File.ReadAllLines(file);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() is not ("```csharp" or "```cs" or "```c#"))
            {
                continue;
            }

            var previous = i - 1;
            while (previous >= 0 && lines[previous].Trim().Length == 0)
            {
                previous--;
            }

            var marker = previous >= 0 && MarkerPattern().Match(lines[previous]) is { Success: true } match ? match.Groups["name"].Value : null;
            var end = Array.FindIndex(lines, i + 1, l => l.Trim() == "```");
            yield return ($"{Path.GetRelativePath(Root, file)}:{i + 1}", marker, string.Join('\n', lines[(i + 1)..end]));
            i = end;
        }
    }

    private static string Expected(string marker, string where)
    {
        var parts = marker.Split('#', 2);
        var path = Path.Combine(Docs, "snippets", parts[0]);
        Assert.True(File.Exists(path), $"{where}: the snippet file '{parts[0]}' is not in docs/snippets.");
        var lines = File.ReadAllLines(path);
        if (parts.Length == 1)
        {
            return string.Join('\n', lines).TrimEnd('\n');
        }

        var start = Array.FindIndex(lines, l => l.Trim() == $"#region {parts[1]}");
        Assert.True(start >= 0, $"{where}: no '#region {parts[1]}' in {parts[0]}.");
        var end = Array.FindIndex(lines, start + 1, l => l.Trim() == "#endregion");
        var region = lines[(start + 1)..end];
        var indent = region.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join('\n', region.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Faktum.Licensing.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Faktum.Licensing.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^\s*<!--\s*snippet:\s*(?<name>\S+)\s*-->\s*$")]
    private static partial Regex MarkerPattern();
}
