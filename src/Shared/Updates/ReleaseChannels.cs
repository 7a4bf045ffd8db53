namespace Faktum.Licensing.Updates;

/// <summary>The wire names of <see cref="ReleaseChannel"/> and the visibility rule between channels.</summary>
internal static class ReleaseChannels
{
    public const string Stable = "stable";
    public const string Beta = "beta";
    public const string Alpha = "alpha";

    /// <summary>Returns the lowercase wire name.</summary>
    public static string ToWire(ReleaseChannel channel) => channel switch
    {
        ReleaseChannel.Stable => Stable,
        ReleaseChannel.Beta => Beta,
        ReleaseChannel.Alpha => Alpha,
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown release channel."),
    };

    /// <summary>Parses an exact lowercase wire name; anything else (other case, whitespace, numbers) is refused.</summary>
    public static bool TryParse(string? text, out ReleaseChannel channel)
    {
        switch (text)
        {
            case Stable:
                channel = ReleaseChannel.Stable;
                return true;
            case Beta:
                channel = ReleaseChannel.Beta;
                return true;
            case Alpha:
                channel = ReleaseChannel.Alpha;
                return true;
            default:
                channel = default;
                return false;
        }
    }

    /// <summary>Whether an installation on <paramref name="installation"/> is offered releases of <paramref name="release"/>.</summary>
    public static bool Sees(ReleaseChannel installation, ReleaseChannel release) =>
        IsDefined(installation) && IsDefined(release) && release <= installation;

    private static bool IsDefined(ReleaseChannel channel) => channel is >= ReleaseChannel.Stable and <= ReleaseChannel.Alpha;
}
