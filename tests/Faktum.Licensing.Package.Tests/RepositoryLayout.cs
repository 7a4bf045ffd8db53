namespace Faktum.Licensing.Package.Tests;

internal static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

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
}
