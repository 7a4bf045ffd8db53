using System.Runtime.CompilerServices;
using Faktum.Licensing.Startup;
using Faktum.Licensing.Tokens;
using Faktum.Licensing.Updates;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Internal;

/// <summary>The validators and verifiers under the pinned keys, built once from the options (a singleton in DI).</summary>
internal sealed class LicensingVerifiers
{
    public LicensingVerifiers(TrustedKeySet keys, IOptions<FaktumLicensingOptions> options, TimeProvider timeProvider)
    {
        var value = options.Value;
        Token = new LicenseTokenValidator(value.Issuer, value.ProductId!, keys.Keys, value.ClockTolerance, validateLifetime: true, timeProvider);
        Signature = new LicenseTokenValidator(value.Issuer, value.ProductId!, keys.Keys, value.ClockTolerance, validateLifetime: false, timeProvider);
        StartupResponse = new StartupResponseVerifier(value.Issuer, value.ProductId!, keys.Keys, value.ClockTolerance);

        Releases = value.ReleaseKeys.Count == 0 ? null : ReleaseVerifierOf(value);
    }

    /// <summary>Gets the validator of a cached token under the offline rules: signature, header, binding and lifetime.</summary>
    public LicenseTokenValidator Token { get; }

    /// <summary>Gets the validator without the lifetime on this computer's clock: for a token the server has just issued or presented.</summary>
    public LicenseTokenValidator Signature { get; }

    /// <summary>Gets the verifier of signed start-up responses.</summary>
    public StartupResponseVerifier StartupResponse { get; }

    /// <summary>Gets the verifier of release manifests, or <see langword="null"/> when no release key is pinned (updates are ignored).</summary>
    public ReleaseVerifier? Releases { get; }

    // Release manifests are verified through Ed25519SecurityKey (the shared ReleaseVerifier): in a method of its own, so that an app
    // that pins no release key never loads Microsoft.IdentityModel (compiling a method loads the types it names).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ReleaseVerifier ReleaseVerifierOf(FaktumLicensingOptions value) =>
        new(value.ReleaseKeys.Values.Select(Ed25519SecurityKey.FromPublicKey).ToList(), value.ProductId!);
}
