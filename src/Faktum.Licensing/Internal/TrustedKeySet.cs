using Faktum.Licensing.Tokens;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Internal;

/// <summary>The pinned public keys of <see cref="FaktumLicensingOptions.TrustedKeys"/>, imported once (they were validated at start).</summary>
internal sealed class TrustedKeySet : IDisposable
{
    public TrustedKeySet(IOptions<FaktumLicensingOptions> options)
    {
        Keys = [.. options.Value.TrustedKeys.Values.Select(Ed25519SecurityKey.FromPublicKey)];
    }

    public IReadOnlyList<Ed25519SecurityKey> Keys { get; }

    public void Dispose()
    {
        foreach (var key in Keys)
        {
            key.Dispose();
        }
    }
}
