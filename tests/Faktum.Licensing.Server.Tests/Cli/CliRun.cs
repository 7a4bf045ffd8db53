using Faktum.Licensing.Server.Cli;

namespace Faktum.Licensing.Server.Tests.Cli;

/// <summary>Runs the server's command line in-process and captures its exit code, standard output and standard error.</summary>
internal sealed record CliRun(int Code, string Output, string Error)
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        var (originalOut, originalError) = (Console.Out, Console.Error);
        using var output = new StringWriter();
        using var error = new StringWriter();
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var code = await ServerCommandLine.InvokeAsync(args);
            return new CliRun(code, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }
    }
}
