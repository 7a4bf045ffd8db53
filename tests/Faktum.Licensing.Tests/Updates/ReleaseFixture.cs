using System.Security.Cryptography;
using Faktum.Licensing.Tokens;
using Faktum.Licensing.Updates;

namespace Faktum.Licensing.Tests.Updates;

/// <summary>Release keys and manifests made in the test process.</summary>
internal sealed class ReleaseFixture : IDisposable
{
    public const string Product = "faktum-factuur";

    public static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    public Ed25519SecurityKey ReleaseKey { get; } = Ed25519SecurityKey.Generate();

    public Ed25519SecurityKey LicenseKey { get; } = Ed25519SecurityKey.Generate();

    public ReleaseVerifier Verifier() => new([ReleaseKey.ToPublicKey()], Product);

    public static ReleaseManifest Manifest(string version = "2.1.0", long sequence = 7, Func<ReleaseManifest, ReleaseManifest>? change = null)
    {
        var manifest = new ReleaseManifest
        {
            ReleaseId = "rel-" + version.Replace('+', '_'),
            Product = Product,
            Sequence = sequence,
            Version = version,
            Channel = ReleaseChannel.Stable,
            PublishedAt = Now.AddDays(-10),
            NotesUrl = new Uri("https://faktum.example/notes/" + version),
            DownloadUrl = new Uri("https://downloads.faktum.example/factuur-" + version + ".msi"),
            Sha256 = Convert.ToHexStringLower(SHA256.HashData("artefact"u8)),
            Size = 8,
            Mandatory = false,
            MinimumSupportedVersion = "1.0.0",
            RolloutPercentage = 100,
            Withdrawn = false,
        };
        return change is null ? manifest : change(manifest);
    }

    public SignedRelease Sign(ReleaseManifest manifest) => ReleaseSigner.Sign(manifest, ReleaseKey);

    public void Dispose()
    {
        ReleaseKey.Dispose();
        LicenseKey.Dispose();
    }
}
