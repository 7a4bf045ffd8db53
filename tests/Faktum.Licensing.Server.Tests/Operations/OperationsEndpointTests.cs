using System.Text.Json;
using Faktum.Licensing.Server.Tests.Infrastructure;

namespace Faktum.Licensing.Server.Tests.Operations;

public sealed class OperationsEndpointTests
{
    [Fact]
    public async Task Health_jwks_and_openapi_are_served()
    {
        await using var server = await ServerFixture.StartAsync();

        Assert.Equal("Healthy", await server.Http.GetStringAsync("/health"));

        using var jwks = JsonDocument.Parse(await server.Http.GetStringAsync("/.well-known/jwks.json"));
        var key = Assert.Single(jwks.RootElement.GetProperty("keys").EnumerateArray());
        Assert.Equal("OKP", key.GetProperty("kty").GetString());
        Assert.Equal("Ed25519", key.GetProperty("crv").GetString());
        Assert.Equal(server.Server.PublicKeys[0].KeyId, key.GetProperty("kid").GetString());
        Assert.False(key.TryGetProperty("d", out _));

        using var openApi = JsonDocument.Parse(await server.Http.GetStringAsync("/openapi/v1.json"));
        var paths = openApi.RootElement.GetProperty("paths");
        foreach (var path in new[] { "/v1/registrations", "/v1/recoveries", "/v1/confirmations", "/v1/startup", "/v1/company" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }
    }

    [Fact]
    public async Task The_first_start_generates_a_private_key_file_readable_by_the_owner_only()
    {
        await using var server = await ServerFixture.StartAsync();

        var file = Assert.Single(Directory.GetFiles(Path.Combine(server.Server.DataDirectory, "keys"), "signing-*.pem"));
        Assert.Contains(server.Server.PublicKeys[0].KeyId, file, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }
}
