using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Semver;

namespace Faktum.Licensing.Updates;

/// <summary>
/// The <c>updates</c> member of the signed startup response:
/// <c>{"decision":"update-available","reason":"none","release":SignedRelease|null,"newest":SignedRelease|null,"head":SignedRelease|null}</c>.
/// The server writes the stored signed releases as-is; the SDK verifies each one under its pinned release keys and checks
/// that the decision is consistent with them and with the installation before believing it.
/// </summary>
internal static class UpdateDecisionWire
{
    private static readonly string[] Decisions = ["up-to-date", "update-available", "update-required", "update-not-entitled", "installed-version-withdrawn"];
    private static readonly string[] Reasons = ["none", "mandatory", "below-minimum-supported-version"];

    /// <summary>Writes the decision (server side).</summary>
    /// <param name="writer">The writer, positioned where a value may start.</param>
    /// <param name="decision">The decision from the server's <c>UpdatePolicy.Decide</c>.</param>
    /// <param name="signedFormOf">The stored signed form of a manifest (by its release id and sequence).</param>
    public static void Write(Utf8JsonWriter writer, UpdateDecision decision, Func<ReleaseManifest, SignedRelease> signedFormOf)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(signedFormOf);
        writer.WriteStartObject();
        writer.WriteString("decision", Decisions[(int)decision.Kind]);
        writer.WriteString("reason", Reasons[(int)decision.RequiredReason]);
        WriteRelease(writer, "release", decision.Release, signedFormOf);
        WriteRelease(writer, "newest", decision.NewestRelease, signedFormOf);
        WriteRelease(writer, "head", decision.CatalogHead, signedFormOf);
        writer.WriteEndObject();
    }

    /// <summary>Reads and verifies a decision (SDK side); on failure <paramref name="error"/> says why (safe to log).</summary>
    public static bool TryRead(
        JsonElement element,
        ReleaseVerifier verifier,
        SemVersion installedVersion,
        ReleaseChannel channel,
        [NotNullWhen(true)] out UpdateDecision? decision,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        ArgumentNullException.ThrowIfNull(installedVersion);
        decision = null;
        if (element.ValueKind != JsonValueKind.Object || element.EnumerateObject().Count() != 5
            || !TryString(element, "decision", Decisions, out var kind)
            || !TryString(element, "reason", Reasons, out var reason))
        {
            error = "The update decision is not {decision, reason, release, newest, head} with known values.";
            return false;
        }

        if (!TryRelease(element, "release", verifier, out var release, out error)
            || !TryRelease(element, "newest", verifier, out var newest, out error)
            || !TryRelease(element, "head", verifier, out var head, out error))
        {
            return false;
        }

        var candidate = new UpdateDecision
        {
            Kind = (UpdateDecisionKind)kind,
            RequiredReason = (UpdateRequiredReason)reason,
            Release = release,
            NewestRelease = newest,
            CatalogHead = head,
        };
        error = Inconsistency(candidate, installedVersion, channel);
        if (error is not null)
        {
            return false;
        }

        decision = candidate;
        return true;
    }

    /// <summary>Returns why a decision contradicts its own signed releases or the installation, or <see langword="null"/>.</summary>
    internal static string? Inconsistency(UpdateDecision decision, SemVersion installed, ReleaseChannel channel)
    {
        bool Newer(ReleaseManifest r) => ReleaseVersion.IsNewer(ReleaseVersion.Parse(r.Version), installed);
        bool Offerable(ReleaseManifest r) => !r.Withdrawn && ReleaseChannels.Sees(channel, r.Channel);

        if (decision.NewestRelease is { } newest && !(Newer(newest) && Offerable(newest)))
        {
            return "The newest release is not a newer, offerable release for this installation.";
        }

        if (decision.CatalogHead is { } head && !ReleaseChannels.Sees(channel, head.Channel))
        {
            return "The catalog head is on a channel this installation does not see.";
        }

        var release = decision.Release;
        var required = decision.RequiredReason != UpdateRequiredReason.None;
        return decision.Kind switch
        {
            UpdateDecisionKind.UpToDate when release is not null || decision.NewestRelease is not null || required =>
                "An up-to-date decision carries a release.",
            UpdateDecisionKind.UpdateAvailable when release is null || !Newer(release) || !Offerable(release) || required =>
                "An available update is not a newer, offerable release.",
            UpdateDecisionKind.UpdateRequired when release is null || !Newer(release) || !Offerable(release) || !required =>
                "A required update is not a newer, offerable release with a reason.",
            UpdateDecisionKind.UpdateNotEntitled when decision.NewestRelease is null || (release is not null && !(Newer(release) && Offerable(release))) =>
                "A not-entitled decision lacks its newest release, or its entitled release is not newer.",
            UpdateDecisionKind.InstalledVersionWithdrawn when required || (release is not null && (!Offerable(release) || ReleaseVersion.Compare(ReleaseVersion.Parse(release.Version), installed) == 0)) =>
                "A withdrawal decision offers the withdrawn version or an unavailable release.",
            _ => null,
        };
    }

    private static void WriteRelease(Utf8JsonWriter writer, string name, ReleaseManifest? manifest, Func<ReleaseManifest, SignedRelease> signedFormOf)
    {
        writer.WritePropertyName(name);
        if (manifest is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            signedFormOf(manifest).WriteTo(writer);
        }
    }

    private static bool TryString(JsonElement element, string name, string[] allowed, out int index)
    {
        index = element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? Array.IndexOf(allowed, value.GetString())
            : -1;
        return index >= 0;
    }

    private static bool TryRelease(JsonElement element, string name, ReleaseVerifier verifier, out ReleaseManifest? manifest, [NotNullWhen(false)] out string? error)
    {
        manifest = null;
        error = null;
        if (!element.TryGetProperty(name, out var value))
        {
            error = $"The update decision lacks '{name}'.";
            return false;
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        var result = verifier.Verify(value);
        if (!result.Succeeded)
        {
            error = $"The update decision's '{name}' was refused ({result.Failure}): {result.Message}";
            return false;
        }

        manifest = result.Manifest;
        return true;
    }
}
