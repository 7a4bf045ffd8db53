namespace Faktum.Licensing.Server.Storage;

/// <summary>How many start-up checks the server answered on one UTC day (the console's home page); one row per day.</summary>
internal sealed class StartupCheckDay
{
    /// <summary>Gets or sets the UTC day, <c>yyyy-MM-dd</c>.</summary>
    public required string Day { get; set; }

    public long Checks { get; set; }
}
