namespace Faktum.Licensing.Updates;

/// <summary>Why a signed release was refused: the first check that failed.</summary>
/// <remarks>Checks run in this order: wire form, key, signature, manifest, product.</remarks>
internal enum ReleaseVerificationFailure
{
    /// <summary>The release was accepted.</summary>
    None = 0,

    /// <summary>The wire form is not exactly <c>{"manifest","kid","signature"}</c> with canonical base64url, or it is too large.</summary>
    Malformed,

    /// <summary>The <c>kid</c> names no pinned <em>release</em> key (a license key is never a release key).</summary>
    UnknownKey,

    /// <summary>The signature does not verify over the domain prefix and the manifest bytes under the key the <c>kid</c> names.</summary>
    BadSignature,

    /// <summary>The signed bytes are not a canonical, complete, valid manifest (a vendor-side bug; never trusted).</summary>
    InvalidManifest,

    /// <summary>The manifest is for another product than the one this verifier serves.</summary>
    WrongProduct,
}
