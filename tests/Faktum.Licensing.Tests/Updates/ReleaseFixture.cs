using System.Security.Cryptography;
using Faktum.Licensing.Tokens;
using Faktum.Licensing.Updates;

namespace Faktum.Licensing.Tests.Updates;

/// <summary>Release keys and manifests made in the test process.</summary>
internal sealed class ReleaseFixture : IDisposable
{
    public const string Product = "faktum-factuur";

    public static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    public Ed25519SigningKey ReleaseKey { get; } = Ed25519SigningKey.Generate();

    public Ed25519SigningKey LicenseKey { get; } = Ed25519SigningKey.Generate();

    public ReleaseVerifier Verifier() => new([ReleaseKey.PublicKey], Product);

    public static ReleaseManifest Manifest(string version = "2.1.0", long sequence = 7, Func<ReleaseManifest, ReleaseManifest>? change = null)
    {
        var manifest = new ReleaseManifest
        {
            ReleaseId = "rel-" + version.Replace('+', '_'),
            ProductId = Product,
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

    public SignedRelease Sign(ReleaseManifest manifest) => SignWith(manifest, ReleaseKey);

    /// <summary>Signs with the vendor package's <see cref="ReleaseSigner"/> and reads its wire form back.</summary>
    public static SignedRelease SignWith(ReleaseManifest manifest, Ed25519SigningKey key) =>
        SignedRelease.TryParse(ReleaseSigner.Sign(manifest, key), out var signed) ? signed : throw new InvalidOperationException("ReleaseSigner wrote an unreadable signed release.");

    public void Dispose()
    {
        ReleaseKey.Dispose();
        LicenseKey.Dispose();
    }
}
