using Microsoft.IdentityModel.Tokens;

namespace Faktum.Licensing.Tokens;

/// <summary>
/// The <see cref="ICryptoProvider"/> through which Microsoft.IdentityModel signs with an <see cref="Ed25519SigningKey"/>,
/// set on the key's own <see cref="CryptoProviderFactory"/>; nothing process-wide is touched.
/// </summary>
internal sealed class Ed25519SigningCryptoProvider : ICryptoProvider
{
    public static CryptoProviderFactory CreateFactory() => new()
    {
        CustomCryptoProvider = new Ed25519SigningCryptoProvider(),
        CacheSignatureProviders = false,
    };

    // IdentityModel calls this with (alg), (alg, key) and (alg, key, willCreateSignatures): never assume a shape.
    public bool IsSupportedAlgorithm(string algorithm, params object[] args) =>
        IsEd25519(algorithm) && (args is null || args.Length == 0 || args[0] is Ed25519SigningKey);

    public object Create(string algorithm, params object[] args)
    {
        if (!IsEd25519(algorithm) || args is null || args.Length == 0 || args[0] is not Ed25519SigningKey key)
        {
            throw new NotSupportedException($"The Ed25519 signing crypto provider cannot create a provider for algorithm '{algorithm}'.");
        }

        return new Ed25519SigningSignatureProvider(key, algorithm);
    }

    public void Release(object cryptoInstance)
    {
        if (cryptoInstance is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }

    private static bool IsEd25519(string? algorithm) => algorithm is SigningAlgorithms.Ed25519 or SigningAlgorithms.EdDsa;
}
