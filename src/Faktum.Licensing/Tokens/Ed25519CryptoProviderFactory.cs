using Microsoft.IdentityModel.Tokens;

namespace Faktum.Licensing.Tokens;

/// <summary>
/// Creates the dedicated <see cref="CryptoProviderFactory"/> through which Microsoft.IdentityModel signs and verifies
/// with <see cref="Ed25519SecurityKey"/>. Nothing process-wide (such as <see cref="CryptoProviderFactory.Default"/>) is touched.
/// </summary>
internal static class Ed25519CryptoProviderFactory
{
    public static CryptoProviderFactory Create() => new()
    {
        CustomCryptoProvider = new Ed25519CryptoProvider(),
        CacheSignatureProviders = false,
    };
}
