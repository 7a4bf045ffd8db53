namespace Faktum.Licensing.Server.Cli;

/// <summary>The exit codes of every command (docs/server.md, "Exit codes").</summary>
internal static class CliExitCodes
{
    /// <summary>Done.</summary>
    public const int Done = 0;

    /// <summary>Refused or failed: the action makes no sense in the current state, or the server refused it (409, 422, 5xx).</summary>
    public const int Refused = 1;

    /// <summary>Usage error: a missing or invalid argument or option (nothing was asked of the target).</summary>
    public const int Usage = 2;

    /// <summary>Not found: no license, company, mail or release has that id.</summary>
    public const int NotFound = 3;

    /// <summary>The target cannot be used: no database in the data folder, the server is unreachable, or the API key is wrong or missing.</summary>
    public const int Unreachable = 4;
}
