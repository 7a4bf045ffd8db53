namespace Faktum.Licensing.Console.Tests.Infrastructure;

/// <summary>The console test classes share one Chromium and run one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class ConsoleBrowserCollection : ICollectionFixture<ConsoleBrowser>
{
    public const string Name = "Console browser";
}
