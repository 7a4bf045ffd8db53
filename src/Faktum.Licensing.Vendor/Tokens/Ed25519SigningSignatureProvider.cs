using Microsoft.IdentityModel.Tokens;

namespace Faktum.Licensing.Tokens;

/// <summary>
/// Ed25519 signing for Microsoft.IdentityModel, backed by NSec (libsodium); it verifies through the key's
/// <see cref="Ed25519SigningKey.PublicKey"/>. Every overload honours offsets and lengths.
/// </summary>
internal sealed class Ed25519SigningSignatureProvider : SignatureProvider
{
    private const int SignatureSizeInBytes = 64;

    private readonly Ed25519SigningKey _key;

    public Ed25519SigningSignatureProvider(Ed25519SigningKey key, string algorithm)
        : base(key, algorithm)
    {
        _key = key;
        WillCreateSignatures = true;
    }

    public override byte[] Sign(byte[] input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return _key.Sign(input);
    }

    public override byte[] Sign(byte[] input, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(input);
        return _key.Sign(input.AsSpan(offset, count));
    }

    public override bool Sign(ReadOnlySpan<byte> data, Span<byte> destination, out int bytesWritten)
    {
        if (destination.Length < SignatureSizeInBytes)
        {
            bytesWritten = 0;
            return false;
        }

        _key.Sign(data, destination[..SignatureSizeInBytes]);
        bytesWritten = SignatureSizeInBytes;
        return true;
    }

    public override bool Verify(byte[] input, byte[] signature)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(signature);
        return Verify(input, 0, input.Length, signature, 0, signature.Length);
    }

    public override bool Verify(byte[] input, int inputOffset, int inputLength, byte[] signature, int signatureOffset, int signatureLength)
    {
        var verifier = _key.PublicKey.CryptoProviderFactory.CreateForVerifying(_key.PublicKey, Algorithm);
        try
        {
            return verifier.Verify(input, inputOffset, inputLength, signature, signatureOffset, signatureLength);
        }
        finally
        {
            _key.PublicKey.CryptoProviderFactory.ReleaseSignatureProvider(verifier);
        }
    }

    protected override void Dispose(bool disposing)
    {
        // The key is owned by its creator; there is nothing of our own to release.
    }
}
