using System.Text.Json;
using Faktum.Licensing.Internal;
using Faktum.Licensing.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Semver;

namespace Faktum.Licensing.Updates;

/// <summary>
/// Verifies a start-up response's update decision under the pinned release keys, and refuses one that would take the installation
/// back (a lower manifest sequence, or an older version offered as newer than one already offered): then the previous decision stands.
/// </summary>
internal sealed partial class UpdateAcceptor
{
    private readonly ReleaseVerifier? _releases;
    private readonly string _channelName;
    private readonly ReleaseChannel _channel;
    // Parsed on the first answer to judge, not at construction: a start-up check that finds the server unreachable parses no
    // version and loads no Semver (issue 15; a Lazy<SemVersion> field would load it with this type). The options validator has
    // already refused an empty or overlong AppVersion. Two first answers at once may both parse it, to the same value.
    private readonly string _appVersion;
    private InstalledVersion? _installed;
    private readonly ILogger _logger;

    public UpdateAcceptor(LicensingVerifiers verifiers, IOptions<FaktumLicensingOptions> options, ILogger<UpdateAcceptor> logger)
    {
        var value = options.Value;
        _releases = verifiers.Releases;
        _channelName = value.Channel;

        // The options validator refuses at start a channel the server does not serve, so this never fails on a validated host.
        if (!ReleaseChannels.TryParse(value.Channel, out _channel))
        {
            throw new InvalidOperationException($"FaktumLicensingOptions.Channel '{value.Channel}' is not a release channel; the options validator should have refused it.");
        }

        _appVersion = value.AppVersion!;
        _logger = logger;
    }

    /// <param name="updates">The signed response's <c>updates</c> member, or <see langword="null"/>.</param>
    /// <param name="stored">The history stored so far.</param>
    /// <param name="previous">The decision shown so far, which stands when the new one is refused.</param>
    public UpdateAcceptance Accept(JsonElement? updates, UpdateHistoryState? stored, UpdateDecision? previous)
    {
        // Without release keys, a response without updates, or an app version that is not SemVer, there is nothing to decide.
        if (_releases is null || updates is not { } element || Installed() is not { } installed)
        {
            return new UpdateAcceptance(null, stored);
        }

        if (!UpdateDecisionWire.TryRead(element, _releases, installed, _channel, out var decision, out var error))
        {
            Log.UpdatesRefused(_logger, error);
            return new UpdateAcceptance(previous, stored);
        }

        var history = stored is null ? UpdateHistory.Empty : new UpdateHistory(stored.HighestSequence, stored.HighestVersionOffered);
        if (stored?.Channel is { } storedChannel && !string.Equals(storedChannel, _channelName, StringComparison.Ordinal))
        {
            history = history.ForChannelChange();
        }

        var verdict = history.Check(decision);
        if (verdict != UpdateHistoryVerdict.Accepted)
        {
            Log.UpdatesRefused(_logger, $"the update decision would roll back ({verdict})");
            return new UpdateAcceptance(previous, stored);
        }

        var recorded = history.Record(decision);
        return new UpdateAcceptance(decision, new UpdateHistoryState { HighestSequence = recorded.HighestSequence, HighestVersionOffered = recorded.HighestVersionOffered, Channel = _channelName });
    }

    private SemVersion? Installed() =>
        (_installed ??= new InstalledVersion(ReleaseVersion.TryParse(_appVersion, out var installed) ? installed : null)).Version;

    /// <summary>The installed version as SemVer, or <see langword="null"/> when the app's version is not SemVer.</summary>
    private sealed record InstalledVersion(SemVersion? Version);

    private static partial class Log
    {
        [LoggerMessage(40, LogLevel.Warning, "The start-up response's update decision was refused: {Reason}", EventName = "UpdatesRefused")]
        public static partial void UpdatesRefused(ILogger logger, string reason);
    }
}
