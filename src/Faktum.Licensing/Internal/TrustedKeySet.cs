using Faktum.Licensing.Tokens;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Internal;

/// <summary>
/// The pinned public keys of <see cref="FaktumLicensingOptions.TrustedKeys"/>, imported once (they were validated at start) as
/// <see cref="PinnedKey"/>s: what the SDK verifies with never loads Microsoft.IdentityModel.
/// </summary>
internal sealed class TrustedKeySet
{
    public TrustedKeySet(IOptions<FaktumLicensingOptions> options)
    {
        Keys = [.. options.Value.TrustedKeys.Values.Select(PinnedKey.FromBase64Url)];
    }

    public IReadOnlyList<PinnedKey> Keys { get; }
}
