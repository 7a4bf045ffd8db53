using System.Buffers.Text;
using System.Text.Json;
using Faktum.Licensing.Server.Keys;
using Faktum.Licensing.Tokens;

namespace Faktum.Licensing.EndToEnd.Tests.Infrastructure;

/// <summary>A signing key the vendor made for a rotation: its private PEM file, and what the apps pin (kid → x).</summary>
internal sealed record VendorKey(string KeyId, string X, string PrivateKeyFile)
{
    /// <summary>Pins exactly these keys in an app (replacing the keys <see cref="HostApp"/> takes from the server).</summary>
    public static Action<FaktumLicensingOptions> Pin(params VendorKey[] keys) => options =>
    {
        options.TrustedKeys.Clear();
        foreach (var key in keys)
        {
            options.TrustedKeys[key.KeyId] = key.X;
        }
    };

    /// <summary>What <c>keys generate --data-dir FOLDER</c> does: a new key as a PKCS#8 PEM file, readable by the owner only.</summary>
    public static VendorKey Generate(string folder)
    {
        var (key, path) = SigningKeyRing.Generate(folder);
        using (key)
        {
            return new VendorKey(key.KeyId, key.ExportPublicKeyBase64Url(), path);
        }
    }

    /// <summary>What <c>keys public --file KEY --out PATH</c> does: the public half alone, for <c>VerificationKeyFiles</c>.</summary>
    public string WritePublicHalf(string path)
    {
        using var key = Ed25519SigningKey.FromPem(File.ReadAllText(PrivateKeyFile));
        File.WriteAllText(path, key.ExportPublicKeyPem());
        return path;
    }

    /// <summary>Sets the server's key files: <paramref name="signing"/> sign (the newest), <paramref name="verifying"/> only verify.</summary>
    public static Action<IDictionary<string, string?>> ServerKeys(IReadOnlyList<string> signing, IReadOnlyList<string>? verifying = null) => configuration =>
    {
        foreach (var entry in configuration.Keys.Where(k => k.StartsWith("FaktumServer:SigningKeyFiles:", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("FaktumServer:VerificationKeyFiles:", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            configuration.Remove(entry);
        }

        for (var i = 0; i < signing.Count; i++)
        {
            configuration[$"FaktumServer:SigningKeyFiles:{i}"] = signing[i];
        }

        for (var i = 0; i < (verifying?.Count ?? 0); i++)
        {
            configuration[$"FaktumServer:VerificationKeyFiles:{i}"] = verifying![i];
        }
    };

    /// <summary>The <c>kid</c> in the header of the license token an installation holds.</summary>
    public static string KeyIdOfToken(HostApp app)
    {
        var token = File.ReadAllText(app.TokenPath).Trim();
        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(token.AsSpan(0, token.IndexOf('.', StringComparison.Ordinal))));
        return header.RootElement.GetProperty("kid").GetString()!;
    }
}
