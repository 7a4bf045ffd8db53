using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Faktum.Licensing.Updates;

/// <summary>
/// The staged-rollout bucket of a license for a release, 0 to 99: HMAC-SHA256 under a server secret of
/// <c>licenseId + "\n" + releaseId</c> (UTF-8), the first 8 bytes read as a big-endian unsigned integer, modulo 100.
/// A release with rollout percentage <c>p</c> is offered to a license when its bucket is below <c>p</c>.
/// </summary>
/// <remarks>
/// Deterministic per (license, release), so raising the percentage only adds licenses and lowering it only removes
/// them; a new release reshuffles the buckets, so the same licenses are not always first. Without the server secret
/// nobody can predict or steer a bucket. (2^64 mod 100 = 16, so buckets 0–15 are more likely by about 1e-18: negligible.)
/// </remarks>
internal static class RolloutBucket
{
    /// <summary>The number of buckets.</summary>
    public const int Count = 100;

    /// <summary>Computes the bucket.</summary>
    /// <param name="serverSecret">The server's rollout secret (at least 32 random bytes recommended).</param>
    /// <param name="licenseId">The license id.</param>
    /// <param name="releaseId">The release id.</param>
    /// <returns>A number from 0 to 99.</returns>
    public static int Compute(ReadOnlySpan<byte> serverSecret, string licenseId, string releaseId)
    {
        ArgumentNullException.ThrowIfNull(licenseId);
        ArgumentNullException.ThrowIfNull(releaseId);
        if (serverSecret.IsEmpty)
        {
            throw new ArgumentException("The rollout secret must not be empty.", nameof(serverSecret));
        }

        var message = Encoding.UTF8.GetBytes(licenseId + "\n" + releaseId);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(serverSecret, message, mac);
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(mac) % Count);
    }

    /// <summary>Whether a license in <paramref name="bucket"/> is offered a release rolled out to <paramref name="percentage"/>.</summary>
    public static bool IsIncluded(int bucket, int percentage) => bucket < percentage;
}
