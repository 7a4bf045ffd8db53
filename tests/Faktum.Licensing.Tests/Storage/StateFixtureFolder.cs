using System.Text.Json;
using Faktum.Licensing.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Faktum.Licensing.Tests.Storage;

/// <summary>
/// A copy of a data folder an earlier SDK wrote (Storage/Fixtures/vN: <c>state.json</c>, <c>license.jwt</c> and the public key that
/// signed the token, <c>signing-key.json</c>) in a temporary folder, and the SDK on it with that key pinned and the server unreachable.
/// </summary>
internal sealed class StateFixtureFolder : IDisposable
{
    public StateFixtureFolder(string version)
    {
        FixtureDirectory = Path.Combine(AppContext.BaseDirectory, "Storage", "Fixtures", version);
        Directory.CreateDirectory(DataDirectory);
        foreach (var name in new[] { "state.json", "license.jwt" })
        {
            File.Copy(Path.Combine(FixtureDirectory, name), Path.Combine(DataDirectory, name));
        }
    }

    public string FixtureDirectory { get; }

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "faktum-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The SDK as a host wires it, on the copy, on <paramref name="time"/>.</summary>
    public ServiceProvider Sdk(TimeProvider time)
    {
        string kid, x;
        using (var key = JsonDocument.Parse(File.ReadAllText(Path.Combine(FixtureDirectory, "signing-key.json"))))
        {
            kid = key.RootElement.GetProperty("kid").GetString()!;
            x = key.RootElement.GetProperty("x").GetString()!;
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(time);
        services.AddFaktumLicensing(options =>
        {
            options.ServerUrl = LoopbackPeer.Refusing();
            options.ProductId = "faktum-factuur";
            options.TrustedKeys[kid] = x;
            options.AppVersion = "2.3.1";
            options.DataDirectory = DataDirectory;
        });
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
