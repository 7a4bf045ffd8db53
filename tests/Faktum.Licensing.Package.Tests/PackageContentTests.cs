using System.IO.Compression;
using System.Xml.Linq;

namespace Faktum.Licensing.Package.Tests;

/// <summary>The package the sample's build packed (artifacts/packages) holds what a good NuGet package holds.</summary>
[Collection(SampleDemoCollection.Name)]
public sealed class PackageContentTests(SampleDemoFixture demo)
{
    private static readonly string Feed = Path.Combine(RepositoryLayout.Root, "artifacts", "packages");

    [Fact]
    public void The_nupkg_holds_the_assembly_its_xml_docs_and_the_readme()
    {
        Assert.Equal(0, demo.ExitCode);
        using var package = ZipFile.OpenRead(PackagePath(".nupkg"));
        var entries = package.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("README.md", entries);
        Assert.Contains("lib/net10.0/Faktum.Licensing.dll", entries);
        Assert.Contains("lib/net10.0/Faktum.Licensing.xml", entries);
        Assert.True(package.GetEntry("lib/net10.0/Faktum.Licensing.xml")!.Length > 10_000, "the XML docs look empty");
    }

    [Fact]
    public void The_nuspec_names_readme_license_and_exactly_the_needed_dependencies()
    {
        Assert.Equal(0, demo.ExitCode);
        var nuspec = Nuspec();
        XNamespace ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        Assert.Equal("README.md", metadata.Element(ns + "readme")?.Value);
        var license = metadata.Element(ns + "license")!;
        Assert.Equal("expression", license.Attribute("type")?.Value);
        Assert.Equal("MIT", license.Value);

        var dependencies = metadata.Descendants(ns + "dependency").Select(d => d.Attribute("id")!.Value).Order(StringComparer.Ordinal);
        Assert.Equal(
            [
                "Microsoft.Extensions.Hosting.Abstractions",
                "Microsoft.Extensions.Http",
                "Microsoft.Extensions.Http.Resilience",
                "Microsoft.Extensions.Logging.Abstractions",
                "Microsoft.Extensions.Options",
                "Microsoft.Extensions.Options.ConfigurationExtensions",
                "Microsoft.IdentityModel.JsonWebTokens",
                "NSec.Cryptography",
                "Semver",
            ],
            dependencies);
        Assert.All(metadata.Descendants(ns + "group"), g => Assert.Equal("net10.0", g.Attribute("targetFramework")?.Value));
    }

    [Fact]
    public void A_symbol_package_sits_beside_the_package()
    {
        Assert.Equal(0, demo.ExitCode);
        using var symbols = ZipFile.OpenRead(PackagePath(".snupkg"));
        Assert.Contains(symbols.Entries, e => e.FullName == "lib/net10.0/Faktum.Licensing.pdb");
    }

    private static XDocument Nuspec()
    {
        using var package = ZipFile.OpenRead(PackagePath(".nupkg"));
        using var stream = package.GetEntry("Faktum.Licensing.nuspec")!.Open();
        return XDocument.Load(stream);
    }

    private static string PackagePath(string extension)
    {
        // The feed may hold older versions too; the run above packed the newest.
        var files = new DirectoryInfo(Feed).GetFiles("Faktum.Licensing.*" + extension);
        Assert.NotEmpty(files);
        return files.OrderByDescending(f => f.LastWriteTimeUtc).First().FullName;
    }
}
