namespace Faktum.Licensing.Package.Tests;

/// <summary>
/// The shape of the hand-written source under src/ that no analyzer rule checks: a file stays small enough to read in one
/// sitting, and a line fits a side-by-side diff. One type per file and the file's name are StyleCop's SA1402 and SA1649
/// (src/Directory.Build.props); EF Core's generated migrations are not hand-written and are left out.
/// </summary>
public sealed class SourceLayoutTests
{
    private const int MaxLines = 300;
    private const int MaxLineLength = 240;

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryLayout.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsUnder(path, "bin") && !IsUnder(path, "obj") && !IsUnder(path, "Migrations"));

    [Fact]
    public void No_hand_written_source_file_is_longer_than_300_lines()
    {
        var tooLong = SourceFiles()
            .Select(path => (Path: Path.GetRelativePath(RepositoryLayout.Root, path), Lines: File.ReadAllLines(path).Length))
            .Where(file => file.Lines > MaxLines)
            .Select(file => $"{file.Path}: {file.Lines} lines")
            .ToList();

        Assert.True(tooLong.Count == 0, $"Split these files (at most {MaxLines} lines each):\n" + string.Join('\n', tooLong));
    }

    [Fact]
    public void No_line_of_hand_written_source_is_longer_than_240_characters()
    {
        var tooWide = SourceFiles()
            .SelectMany(path => File.ReadAllLines(path).Select((line, index) => (Path: path, Number: index + 1, line.Length)))
            .Where(line => line.Length > MaxLineLength)
            .Select(line => $"{Path.GetRelativePath(RepositoryLayout.Root, line.Path)}:{line.Number}: {line.Length} characters")
            .ToList();

        Assert.True(tooWide.Count == 0, $"Wrap these lines (at most {MaxLineLength} characters):\n" + string.Join('\n', tooWide));
    }

    [Fact]
    public void The_source_tree_is_found_and_holds_the_three_assemblies()
    {
        var projects = SourceFiles().Select(path => Path.GetRelativePath(Path.Combine(RepositoryLayout.Root, "src"), path).Split(Path.DirectorySeparatorChar)[0]).ToHashSet();

        Assert.Superset(new HashSet<string> { "Faktum.Licensing", "Faktum.Licensing.Server", "Faktum.Licensing.Vendor", "Shared" }, projects);
    }

    private static bool IsUnder(string path, string folder) =>
        path.Split(Path.DirectorySeparatorChar).Contains(folder, StringComparer.Ordinal);
}
