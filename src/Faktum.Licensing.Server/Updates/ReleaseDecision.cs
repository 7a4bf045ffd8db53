using Faktum.Licensing.Updates;

namespace Faktum.Licensing.Server.Updates;

/// <summary>
/// The update decision for one license at a start-up check, with the signed form of every release it may name, as the
/// start-up response's <c>updates</c> member carries them (<c>Startup/StartupResponseWriter</c> writes it).
/// </summary>
/// <param name="Decision">What the license may install.</param>
/// <param name="SignedReleases">The stored signed release of each manifest, by sequence.</param>
internal sealed record ReleaseDecision(UpdateDecision Decision, IReadOnlyDictionary<long, SignedRelease> SignedReleases)
{
    /// <summary>Gets the signed release a manifest of <see cref="Decision"/> was published as.</summary>
    public SignedRelease SignedFormOf(ReleaseManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return SignedReleases[manifest.Sequence];
    }
}
