using Microsoft.IdentityModel.Tokens;
using NSec.Cryptography;

namespace Faktum.Licensing.Tokens;

/// <summary>
/// Ed25519 verification for Microsoft.IdentityModel, backed by NSec (libsodium). It never signs: an
/// <see cref="Ed25519SecurityKey"/> is a public key (signing is <c>Ed25519SigningKey</c>'s, in Faktum.Licensing.Vendor).
/// Every overload honours offsets and lengths: <see cref="SignedJwt"/> verifies inside one pooled buffer that also holds the
/// decoded segments, and IdentityModel may hand in pooled buffers longer than the data too.
/// </summary>
internal sealed class Ed25519SignatureProvider : SignatureProvider
{
    /// <summary>The length in bytes of an Ed25519 signature.</summary>
    public const int SignatureSizeInBytes = 64;

    private readonly Ed25519SecurityKey _key;

    public Ed25519SignatureProvider(Ed25519SecurityKey key, string algorithm, bool willCreateSignatures)
        : base(key, algorithm)
    {
        if (willCreateSignatures)
        {
            throw new InvalidOperationException($"The Ed25519 key '{key.KeyId}' is a public key and cannot sign; sign with Ed25519SigningKey (Faktum.Licensing.Vendor).");
        }

        _key = key;
    }

    public override byte[] Sign(byte[] input) => throw CannotSign();

    public override byte[] Sign(byte[] input, int offset, int count) => throw CannotSign();

    public override bool Sign(ReadOnlySpan<byte> data, Span<byte> destination, out int bytesWritten) => throw CannotSign();

    public override bool Verify(byte[] input, byte[] signature)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(signature);
        return Verify(input.AsSpan(), signature.AsSpan());
    }

    public override bool Verify(byte[] input, int inputOffset, int inputLength, byte[] signature, int signatureOffset, int signatureLength)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(signature);
        if (inputOffset < 0 || inputLength < 0 || inputOffset > input.Length - inputLength
            || signatureOffset < 0 || signatureLength < 0 || signatureOffset > signature.Length - signatureLength)
        {
            return false;
        }

        return Verify(input.AsSpan(inputOffset, inputLength), signature.AsSpan(signatureOffset, signatureLength));
    }

    internal bool Verify(ReadOnlySpan<byte> input, ReadOnlySpan<byte> signature) =>
        signature.Length == SignatureSizeInBytes && SignatureAlgorithm.Ed25519.Verify(_key.PublicKey, input, signature);

    private NotSupportedException CannotSign() =>
        new($"The Ed25519 key '{_key.KeyId}' is a public key and cannot sign; sign with Ed25519SigningKey (Faktum.Licensing.Vendor).");

    protected override void Dispose(bool disposing)
    {
        // The key is owned by its creator; there is nothing of our own to release.
    }
}
