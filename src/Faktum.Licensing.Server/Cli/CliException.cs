namespace Faktum.Licensing.Server.Cli;

/// <summary>A failure a command reports as one line on standard error with its exit code, never as a stack trace.</summary>
internal sealed class CliException : Exception
{
    public CliException()
    {
    }

    public CliException(string message)
        : base(message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CliException(int exitCode, string code, string message)
        : base(message)
    {
        ExitCode = exitCode;
        Code = code;
    }

    /// <summary>Gets the exit code, one of <see cref="CliExitCodes"/>.</summary>
    public int ExitCode { get; } = CliExitCodes.Refused;

    /// <summary>Gets the stable error code <c>--json</c> prints.</summary>
    public string Code { get; } = "failed";
}
