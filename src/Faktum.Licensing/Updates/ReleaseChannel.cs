namespace Faktum.Licensing.Updates;

/// <summary>The release channel of a release or of an installation, from the most to the least conservative.</summary>
/// <remarks>
/// An installation sees its own channel and every more conservative one: <see cref="Stable"/> sees stable releases only,
/// <see cref="Beta"/> sees beta and stable, <see cref="Alpha"/> sees alpha, beta and stable.
/// On the wire the names are lowercase: <c>stable</c>, <c>beta</c>, <c>alpha</c>.
/// </remarks>
public enum ReleaseChannel
{
    /// <summary>General availability (<c>stable</c>).</summary>
    Stable = 0,

    /// <summary>Early access (<c>beta</c>); also sees stable releases.</summary>
    Beta = 1,

    /// <summary>Earliest access (<c>alpha</c>); also sees beta and stable releases.</summary>
    Alpha = 2,
}
