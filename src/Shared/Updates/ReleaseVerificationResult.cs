using System.Diagnostics.CodeAnalysis;

namespace Faktum.Licensing.Updates;

/// <summary>The outcome of verifying a signed release; bad input is a result, never an exception.</summary>
internal sealed class ReleaseVerificationResult
{
    private ReleaseVerificationResult(ReleaseManifest? manifest, SignedRelease? signed, ReleaseVerificationFailure failure, string? message)
    {
        Manifest = manifest;
        Signed = signed;
        Failure = failure;
        Message = message;
    }

    /// <summary>Gets a value indicating whether the release was accepted.</summary>
    [MemberNotNullWhen(true, nameof(Manifest), nameof(Signed))]
    [MemberNotNullWhen(false, nameof(Message))]
    public bool Succeeded => Failure == ReleaseVerificationFailure.None;

    /// <summary>Gets the verified manifest.</summary>
    public ReleaseManifest? Manifest { get; }

    /// <summary>Gets the signed form that verified (to store or forward as-is).</summary>
    public SignedRelease? Signed { get; }

    /// <summary>Gets why the release was refused, or <see cref="ReleaseVerificationFailure.None"/>.</summary>
    public ReleaseVerificationFailure Failure { get; }

    /// <summary>Gets a short English explanation of the failure, safe to log.</summary>
    public string? Message { get; }

    internal static ReleaseVerificationResult Success(ReleaseManifest manifest, SignedRelease signed) =>
        new(manifest, signed, ReleaseVerificationFailure.None, null);

    internal static ReleaseVerificationResult Fail(ReleaseVerificationFailure failure, string message) => new(null, null, failure, message);
}
