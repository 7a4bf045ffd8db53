using Faktum.Licensing.Updates;

namespace Faktum.Licensing.Server.Updates;

/// <summary>The outcome of publishing a signed release.</summary>
internal sealed record PublishResult(ReleaseManifest? Manifest, ReleaseVerificationFailure? Failure, string? Message, long? HighestSequence)
{
    public static PublishResult Published(ReleaseManifest manifest) => new(manifest, null, null, null);

    public static PublishResult Refused(ReleaseVerificationFailure failure, string message) => new(null, failure, message, null);

    public static PublishResult Stale(long highest) => new(null, null, $"The sequence must be above {highest}, the highest published for this product.", highest);
}
