using Microsoft.IdentityModel.Tokens;

namespace Faktum.Licensing.Tokens;

/// <summary>The <see cref="ICryptoProvider"/> that hands out <see cref="Ed25519SignatureProvider"/>s.</summary>
internal sealed class Ed25519CryptoProvider : ICryptoProvider
{
    // IdentityModel calls this with (alg), (alg, key) and (alg, key, willCreateSignatures): never assume a shape.
    public bool IsSupportedAlgorithm(string algorithm, params object[] args)
    {
        if (!SigningAlgorithms.IsEd25519(algorithm))
        {
            return false;
        }

        return args is null || args.Length == 0 || args[0] is Ed25519SecurityKey;
    }

    public object Create(string algorithm, params object[] args)
    {
        if (!SigningAlgorithms.IsEd25519(algorithm) || args is null || args.Length == 0 || args[0] is not Ed25519SecurityKey key)
        {
            throw new NotSupportedException($"The Ed25519 crypto provider cannot create a provider for algorithm '{algorithm}'.");
        }

        var willCreateSignatures = args.Length > 1 && args[1] is true;
        return new Ed25519SignatureProvider(key, algorithm, willCreateSignatures);
    }

    public void Release(object cryptoInstance)
    {
        if (cryptoInstance is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }
}
